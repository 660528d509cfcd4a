package nl.wederkerig.api.reciprocity;

import nl.wederkerig.api.ledger.BusinessDay;
import nl.wederkerig.api.accounts.Access;
import nl.wederkerig.api.accounts.Member;
import nl.wederkerig.api.problems.NotFound;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.projections.reciprocity.PartnerBalance;
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;
import nl.wederkerig.projections.reciprocity.PartnerStatement;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/**
 * A partner's reciprocity with the wijk: the statement for a period and the balance as of a date.
 * Names no neighbour; counts below five are shown as "< 5" (see {@code SmallCounts}).
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/partners/{partnerId}")
class PartnerReciprocityController {

    private final PartnerReciprocity reciprocity;
    private final Access access;
    private final Clock clock;

    PartnerReciprocityController(PartnerReciprocity reciprocity, Access access, Clock clock) {
        this.access = access;
        this.reciprocity = reciprocity;
        this.clock = clock;
    }

    /** Drawn versus returned for {@code from}–{@code to} (inclusive, at most three years), per initiative and in total. */
    @GetMapping("/statement")
    PartnerStatement statement(@PathVariable CommunityId communityId, @PathVariable PartnerId partnerId,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @AuthenticationPrincipal Member me) {
        requireVisible(communityId, partnerId, me);
        return reciprocity.statement(communityId, partnerId, from, to);
    }

    /** Everything drawn and returned up to the end of {@code asOf} (today when left out), valued. */
    @GetMapping("/balance")
    PartnerBalance balance(@PathVariable CommunityId communityId, @PathVariable PartnerId partnerId,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                           @AuthenticationPrincipal Member me) {
        requireVisible(communityId, partnerId, me);
        return reciprocity.balanceOf(communityId, partnerId, BusinessDay.orToday(asOf, clock));
    }

    /** The partner's own representatives and the coordinators; what they see is aggregates, never a person. */
    private void requireVisible(CommunityId community, PartnerId partner, Member me) {
        access.requireRepresentativeOrCoordinator(me, community, partner);
        if (!reciprocity.knows(community, partner)) {
            throw new NotFound("no partner " + partner + " in this community");
        }
    }
}
