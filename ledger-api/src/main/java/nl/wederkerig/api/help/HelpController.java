package nl.wederkerig.api.help;

import jakarta.validation.Valid;
import nl.wederkerig.api.help.HelpRequests.HelpConfirmation;
import nl.wederkerig.api.help.HelpRequests.HelpDispute;
import nl.wederkerig.api.help.HelpRequests.HelpGiven;
import nl.wederkerig.api.help.HelpRequests.RecordedHelp;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.projections.trust.HelpView;
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

/** Help in hours over HTTP; {@link Help} decides what each request means. */
@RestController
@RequestMapping("/api/v1/communities/{communityId}")
class HelpController {

    private final Help help;

    HelpController(Help help) {
        this.help = help;
    }

    @PostMapping("/help")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedHelp> record(@PathVariable CommunityId communityId, @Valid @RequestBody HelpGiven body,
                                        @AuthenticationPrincipal Login me) {
        RecordedHelp recorded = help.record(me, communityId, body);
        URI location = URI.create("/api/v1/communities/" + communityId + "/help/" + recorded.helpId());
        return ResponseEntity.created(location).body(recorded);
    }

    /** One record of help as it stands; for its helper and receiver only. */
    @GetMapping("/help/{helpId}")
    HelpView help(@PathVariable CommunityId communityId, @PathVariable HelpId helpId, @AuthenticationPrincipal Login me) {
        return help.help(me, communityId, helpId);
    }

    @PostMapping("/help/{helpId}/confirmation")
    RecordedHelp confirm(@PathVariable CommunityId communityId, @PathVariable HelpId helpId,
                         @Valid @RequestBody HelpConfirmation body, @AuthenticationPrincipal Login me) {
        return help.confirm(me, communityId, helpId, body);
    }

    @PostMapping("/help/{helpId}/dispute")
    RecordedHelp dispute(@PathVariable CommunityId communityId, @PathVariable HelpId helpId,
                         @Valid @RequestBody HelpDispute body, @AuthenticationPrincipal Login me) {
        return help.dispute(me, communityId, helpId, body);
    }
}
