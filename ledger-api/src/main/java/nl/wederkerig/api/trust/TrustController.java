package nl.wederkerig.api.trust;

import jakarta.validation.Valid;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.trust.TrustRequests.SharingConsent;
import nl.wederkerig.api.trust.TrustRequests.SharingRecorded;
import nl.wederkerig.api.trust.TrustRequests.SharingWithdrawal;
import nl.wederkerig.api.trust.TrustRequests.TrustSharing;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.trust.TrustHistory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Trust histories and consent to them over HTTP; {@link Trust} decides what each request means. */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/members/{memberId}/trust-history")
class TrustController {

    private final Trust trust;

    TrustController(Trust trust) {
        this.trust = trust;
    }

    @GetMapping
    TrustHistory ofMember(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                          @AuthenticationPrincipal Login me) {
        return trust.of(me, communityId, memberId);
    }

    @GetMapping("/with/{counterparty}")
    TrustHistory withCounterparty(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                                  @PathVariable MemberId counterparty, @AuthenticationPrincipal Login me) {
        return trust.between(me, communityId, memberId, counterparty);
    }

    @GetMapping("/sharing")
    TrustSharing sharing(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                         @AuthenticationPrincipal Login me) {
        return trust.sharing(me, communityId, memberId);
    }

    @PostMapping("/sharing")
    SharingRecorded share(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                          @Valid @RequestBody SharingConsent body, @AuthenticationPrincipal Login me) {
        return trust.share(me, communityId, memberId, body);
    }

    @PostMapping("/sharing/{viewer}/withdrawal")
    SharingRecorded stopSharing(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                                @PathVariable MemberId viewer, @Valid @RequestBody SharingWithdrawal body,
                                @AuthenticationPrincipal Login me) {
        return trust.stopSharing(me, communityId, memberId, viewer, body);
    }
}
