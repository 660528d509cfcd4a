package nl.wederkerig.api.parking;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.shared.CommunityId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Parked events over HTTP, for a coordinator; {@link ParkedEvents} decides. */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/parked-events")
class ParkedEventsController {

    private final ParkedEvents parked;

    ParkedEventsController(ParkedEvents parked) {
        this.parked = parked;
    }

    /** Every parked sequence of the community's read models, with the reason it was refused. */
    @GetMapping
    ParkedEventsReport list(@PathVariable CommunityId communityId, @AuthenticationPrincipal Login me) {
        return parked.list(me, communityId);
    }

    /**
     * Retries after a fix: all parked sequences, those of one {@code processor}, or one
     * {@code sequence} of it. Answers what was applied and what is still parked. Retrying twice
     * does no harm: an applied sequence is no longer parked.
     */
    @PostMapping("/retry")
    RetryReport retry(@PathVariable CommunityId communityId, @RequestParam(required = false) String processor,
                      @RequestParam(required = false) String sequence, @AuthenticationPrincipal Login me) {
        return parked.retry(me, communityId, processor, sequence);
    }
}
