package nl.wederkerig.api.funds;

import nl.wederkerig.api.ledger.BusinessDay;
import nl.wederkerig.api.accounts.Access;
import nl.wederkerig.api.accounts.Member;
import nl.wederkerig.api.problems.NotFound;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.projections.funds.InitiativeBalance;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.funds.InitiativeReport;
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
 * An initiative's fund as of a business date, and its report for a period beside the previous one.
 * Read models only: figures follow the commands within moments.
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/initiatives/{initiativeId}")
class InitiativeFundsController {

    private final InitiativeFunds funds;
    private final Access access;
    private final Clock clock;

    InitiativeFundsController(InitiativeFunds funds, Access access, Clock clock) {
        this.access = access;
        this.funds = funds;
        this.clock = clock;
    }

    /** Bank, cash box and open claims at the end of {@code asOf} (today when left out). */
    @GetMapping("/balance")
    InitiativeBalance balance(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                              @AuthenticationPrincipal Member me) {
        requireVisible(communityId, initiativeId, me);
        return funds.balanceOf(communityId, initiativeId, BusinessDay.orToday(asOf, clock));
    }

    /** The period {@code from}–{@code to} (inclusive, at most three years) and the one before it. */
    @GetMapping("/report")
    InitiativeReport report(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @AuthenticationPrincipal Member me) {
        requireVisible(communityId, initiativeId, me);
        return funds.report(communityId, initiativeId, from, to);
    }

    /** An initiative's books are for its treasurers and the coordinators. */
    private void requireVisible(CommunityId community, InitiativeId initiative, Member me) {
        access.requireTreasurerOrCoordinator(me, community, initiative);
        if (!funds.knows(community, initiative)) {
            throw new NotFound("no initiative " + initiative + " in this community");
        }
    }
}
