package nl.wederkerig.api.trust;

import nl.wederkerig.api.accounts.Member;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.trust.TrustHistories;
import nl.wederkerig.projections.trust.TrustHistory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A neighbour's own trust history, with everyone or with one counterparty. Someone else's history
 * is not served: sharing it needs that person's recorded consent.
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/members/{memberId}/trust-history")
class TrustController {

    private final TrustHistories histories;

    TrustController(TrustHistories histories) {
        this.histories = histories;
    }

    @GetMapping
    TrustHistory ofMember(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                          @AuthenticationPrincipal Member me) {
        requireSelf(communityId, memberId, me);
        return histories.of(communityId, memberId);
    }

    @GetMapping("/with/{counterparty}")
    TrustHistory withCounterparty(@PathVariable CommunityId communityId, @PathVariable MemberId memberId,
                                  @PathVariable MemberId counterparty, @AuthenticationPrincipal Member me) {
        requireSelf(communityId, memberId, me);
        return histories.between(communityId, memberId, counterparty);
    }

    private static void requireSelf(CommunityId community, MemberId member, Member me) {
        if (!me.belongsTo(community) || !me.memberId().equals(member)) {
            throw new AccessDeniedException("a trust history is shared only by the neighbour it is about");
        }
    }
}
