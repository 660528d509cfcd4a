package nl.wederkerig.api.community;

import jakarta.validation.Valid;
import nl.wederkerig.api.community.HelperRequests.HelperConsent;
import nl.wederkerig.api.community.HelperRequests.HelperList;
import nl.wederkerig.api.community.HelperRequests.HelperRecorded;
import nl.wederkerig.api.community.HelperRequests.HelperWithdrawal;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Naming and withdrawing a helper over HTTP; {@link Helpers} decides what each request means. */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/members/{memberId}/helpers")
class HelperController {

    private final Helpers helpers;

    HelperController(Helpers helpers) {
        this.helpers = helpers;
    }

    @GetMapping
    HelperList list(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                    @AuthenticationPrincipal Login me) {
        return helpers.of(me, communityId, memberId);
    }

    @PostMapping
    HelperRecorded name(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                        @Valid @RequestBody HelperConsent body, @AuthenticationPrincipal Login me) {
        return helpers.name(me, communityId, memberId, body);
    }

    @PostMapping("/{helper}/withdrawal")
    HelperRecorded withdraw(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                            @PathVariable MemberId helper, @Valid @RequestBody HelperWithdrawal body,
                            @AuthenticationPrincipal Login me) {
        return helpers.withdraw(me, communityId, memberId, helper, body);
    }
}
