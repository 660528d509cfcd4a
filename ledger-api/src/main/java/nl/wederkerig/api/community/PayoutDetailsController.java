package nl.wederkerig.api.community;

import jakarta.validation.Valid;
import nl.wederkerig.api.community.PayoutRequests.PayoutDetailsChange;
import nl.wederkerig.api.community.PayoutRequests.PayoutDetailsView;
import nl.wederkerig.api.community.PayoutRequests.PayoutRecorded;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * The signed-in neighbour's own payout details over HTTP: "me", never another member's id, so no
 * request can even name someone else's. {@link PayoutDetails} decides.
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/members/me/payout-details")
class PayoutDetailsController {

    private final PayoutDetails payouts;

    PayoutDetailsController(PayoutDetails payouts) {
        this.payouts = payouts;
    }

    @PutMapping
    PayoutRecorded record(@PathVariable CommunityId communityId, @Valid @RequestBody PayoutDetailsChange body,
                          @AuthenticationPrincipal Login me) {
        return payouts.record(me, communityId, body);
    }

    /** DELETE carries no body: the command id (and optionally the business date) come as parameters. */
    @DeleteMapping
    PayoutRecorded remove(@PathVariable CommunityId communityId, @RequestParam CommandId commandId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessDate,
                          @AuthenticationPrincipal Login me) {
        return payouts.remove(me, communityId, commandId, businessDate);
    }

    @GetMapping
    PayoutDetailsView mine(@PathVariable CommunityId communityId, @AuthenticationPrincipal Login me) {
        return payouts.mine(me, communityId).map(PayoutDetailsView::of)
                .orElseThrow(() -> new NotFound("no payout details"));
    }
}
