package nl.wederkerig.api.errands;

import jakarta.validation.Valid;
import nl.wederkerig.api.errands.ErrandRequests.ErrandChange;
import nl.wederkerig.api.errands.ErrandRequests.ErrandSpending;
import nl.wederkerig.api.errands.ErrandRequests.ErrandStart;
import nl.wederkerig.api.errands.ErrandRequests.RecordedErrand;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.projections.trust.ErrandView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Errands with entrusted cash over HTTP; {@link Errands} decides what each request means. */
@RestController
@RequestMapping("/api/v1/communities/{communityId}")
class ErrandController {

    private final Errands errands;

    ErrandController(Errands errands) {
        this.errands = errands;
    }

    @PostMapping("/errands")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedErrand> start(@PathVariable CommunityId communityId, @Valid @RequestBody ErrandStart body,
                                         @AuthenticationPrincipal Login me) {
        RecordedErrand recorded = errands.start(me, communityId, body);
        URI location = URI.create("/api/v1/communities/" + communityId + "/errands/" + recorded.errandId());
        return ResponseEntity.created(location).body(recorded);
    }

    /** One errand as it stands, with who holds how much cash now; for its asker and helper only. */
    @GetMapping("/errands/{errandId}")
    ErrandView errand(@PathVariable CommunityId communityId, @PathVariable ErrandId errandId,
                      @AuthenticationPrincipal Login me) {
        return errands.errand(me, communityId, errandId);
    }

    @PostMapping("/errands/{errandId}/spending")
    RecordedErrand reportSpending(@PathVariable CommunityId communityId, @PathVariable ErrandId errandId,
                                  @Valid @RequestBody ErrandSpending body, @AuthenticationPrincipal Login me) {
        return errands.reportSpending(me, communityId, errandId, body);
    }

    @PostMapping("/errands/{errandId}/change")
    RecordedErrand returnChange(@PathVariable CommunityId communityId, @PathVariable ErrandId errandId,
                                @Valid @RequestBody ErrandChange body, @AuthenticationPrincipal Login me) {
        return errands.returnChange(me, communityId, errandId, body);
    }
}
