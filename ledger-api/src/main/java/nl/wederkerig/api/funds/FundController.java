package nl.wederkerig.api.funds;

import nl.wederkerig.api.ledger.BusinessDay;
import jakarta.validation.Valid;
import nl.wederkerig.api.accounts.Access;
import nl.wederkerig.api.accounts.Member;
import nl.wederkerig.api.funds.FundRequests.ClaimPayment;
import nl.wederkerig.api.funds.FundRequests.Contribution;
import nl.wederkerig.api.funds.FundRequests.Expense;
import nl.wederkerig.api.funds.FundRequests.FundReversal;
import nl.wederkerig.api.funds.FundRequests.RecordedFundEntry;
import nl.wederkerig.api.funds.FundRequests.Transfer;
import nl.wederkerig.api.problems.NotFound;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.funds.PayApprovedClaim;
import nl.wederkerig.core.funds.RecordContribution;
import nl.wederkerig.core.funds.RecordExpense;
import nl.wederkerig.core.funds.ReverseFundEntry;
import nl.wederkerig.core.funds.TransferFunds;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.projections.funds.InitiativeFunds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/**
 * A treasurer's entries in an initiative's fund. The fund checks that the actor is one of its
 * treasurers, that neither bank nor cash box goes below zero, and the four eyes on a claim's payment.
 * Each entry is named by its command id, which is what a reversal names.
 */
@RestController
@RequestMapping("/api/v1/communities/{communityId}/initiatives/{initiativeId}")
class FundController {

    private final CommandGateway commands;
    private final InitiativeFunds funds;
    private final Access access;
    private final Clock clock;

    FundController(CommandGateway commands, InitiativeFunds funds, Access access, Clock clock) {
        this.commands = commands;
        this.funds = funds;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/contributions")
    RecordedFundEntry recordContribution(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                         @Valid @RequestBody Contribution body, @AuthenticationPrincipal Member me) {
        requireInitiative(communityId, initiativeId, me);
        commands.sendAndWait(new RecordContribution(initiativeId, body.commandId(), body.amount(), body.source(),
                body.partnerId(), body.channel(), BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedFundEntry(initiativeId, body.commandId());
    }

    @PostMapping("/expenses")
    RecordedFundEntry recordExpense(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                                    @Valid @RequestBody Expense body, @AuthenticationPrincipal Member me) {
        requireInitiative(communityId, initiativeId, me);
        commands.sendAndWait(new RecordExpense(initiativeId, body.commandId(), body.amount(), body.category(),
                body.receipt(), body.channel(), BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedFundEntry(initiativeId, body.commandId());
    }

    @PostMapping("/transfers")
    RecordedFundEntry transfer(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                               @Valid @RequestBody Transfer body, @AuthenticationPrincipal Member me) {
        requireInitiative(communityId, initiativeId, me);
        commands.sendAndWait(new TransferFunds(initiativeId, body.commandId(), body.amount(), body.from(), body.to(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedFundEntry(initiativeId, body.commandId());
    }

    /** Reverses the entry made by command {@code entryId}, once; the original stays in the book. */
    @PostMapping("/entries/{entryId}/reversal")
    RecordedFundEntry reverse(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                              @PathVariable CommandId entryId, @Valid @RequestBody FundReversal body,
                              @AuthenticationPrincipal Member me) {
        requireInitiative(communityId, initiativeId, me);
        commands.sendAndWait(new ReverseFundEntry(initiativeId, body.commandId(), entryId, body.reason(),
                BusinessDay.orToday(body.businessDate(), clock), me.memberId()));
        return new RecordedFundEntry(initiativeId, body.commandId());
    }

    /** Pays an approved claim of this initiative; the claim's amount, claimant and approver come from the claim. */
    @PostMapping("/claims/{claimId}/payment")
    RecordedFundEntry payClaim(@PathVariable CommunityId communityId, @PathVariable InitiativeId initiativeId,
                               @PathVariable ClaimId claimId, @Valid @RequestBody ClaimPayment body,
                               @AuthenticationPrincipal Member me) {
        requireInitiative(communityId, initiativeId, me);
        // The money always leaves the claim's own fund; a path naming another initiative is not that claim.
        if (!funds.initiativeOfClaim(communityId, claimId).filter(initiativeId::equals).isPresent()) {
            throw new NotFound("no claim " + claimId + " of this initiative");
        }
        commands.sendAndWait(new PayApprovedClaim(claimId, body.commandId(), body.channel(),
                BusinessDay.orToday(body.businessDate(), clock),
                me.memberId()));
        return new RecordedFundEntry(initiativeId, body.commandId());
    }

    /**
     * The fund itself does not know its community (its id is the initiative's): an initiative of
     * another community is not found here, whoever asks. Then only its treasurers pass (the fund
     * checks that again with its own copy of the role).
     */
    private void requireInitiative(CommunityId community, InitiativeId initiative, Member me) {
        me.requireMemberOf(community);
        if (!funds.knows(community, initiative)) {
            throw new NotFound("no initiative " + initiative + " in this community");
        }
        access.requireTreasurerOf(me, community, initiative);
    }

}
