package nl.wederkerig.api.funds;

import nl.wederkerig.api.funds.FundRequests.ClaimPayment;
import nl.wederkerig.api.funds.FundRequests.Contribution;
import nl.wederkerig.api.funds.FundRequests.Expense;
import nl.wederkerig.api.funds.FundRequests.FundReversal;
import nl.wederkerig.api.funds.FundRequests.RecordedFundEntry;
import nl.wederkerig.api.funds.FundRequests.Transfer;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.funds.PayApprovedClaim;
import nl.wederkerig.core.funds.RecordContribution;
import nl.wederkerig.core.funds.RecordExpense;
import nl.wederkerig.core.funds.ReverseFundEntry;
import nl.wederkerig.core.funds.TransferFunds;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.projections.funds.InitiativeBalance;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.funds.InitiativeReport;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.LocalDate;

/**
 * An initiative's fund: the treasurer's money entries, and its books for treasurers and
 * coordinators. The fund checks that the actor is one of its treasurers, that neither bank nor cash
 * box goes below zero, and the four eyes on a claim's payment. Each entry is named by its command
 * id, which is what a reversal names.
 */
@ApplicationService
public class Funds {

    private final CommandGateway commands;
    private final InitiativeFunds funds;
    private final Access access;
    private final BusinessDay day;

    Funds(CommandGateway commands, InitiativeFunds funds, Access access, BusinessDay day) {
        this.commands = commands;
        this.funds = funds;
        this.access = access;
        this.day = day;
    }

    public RecordedFundEntry recordContribution(Login me, CommunityId community, InitiativeId initiative,
                                                Contribution request) {
        requireTreasurer(me, community, initiative);
        commands.sendAndWait(new RecordContribution(initiative, request.commandId(), request.amount(), request.source(),
                request.partnerId(), request.channel(), day.orToday(request.businessDate()), me.memberId()));
        return new RecordedFundEntry(initiative, request.commandId());
    }

    public RecordedFundEntry recordExpense(Login me, CommunityId community, InitiativeId initiative, Expense request) {
        requireTreasurer(me, community, initiative);
        commands.sendAndWait(new RecordExpense(initiative, request.commandId(), request.amount(), request.category(),
                request.receipt(), request.channel(), day.orToday(request.businessDate()), me.memberId()));
        return new RecordedFundEntry(initiative, request.commandId());
    }

    public RecordedFundEntry transfer(Login me, CommunityId community, InitiativeId initiative, Transfer request) {
        requireTreasurer(me, community, initiative);
        commands.sendAndWait(new TransferFunds(initiative, request.commandId(), request.amount(), request.from(),
                request.to(), day.orToday(request.businessDate()), me.memberId()));
        return new RecordedFundEntry(initiative, request.commandId());
    }

    /** Reverses the entry made by command {@code entry}, once; the original stays in the book. */
    public RecordedFundEntry reverse(Login me, CommunityId community, InitiativeId initiative, CommandId entry,
                                     FundReversal request) {
        requireTreasurer(me, community, initiative);
        commands.sendAndWait(new ReverseFundEntry(initiative, request.commandId(), entry, request.reason(),
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedFundEntry(initiative, request.commandId());
    }

    /** Pays an approved claim of this initiative; the claim's amount, claimant and approver come from the claim. */
    public RecordedFundEntry payClaim(Login me, CommunityId community, InitiativeId initiative, ClaimId claim,
                                      ClaimPayment request) {
        requireTreasurer(me, community, initiative);
        // The money always leaves the claim's own fund; a path naming another initiative is not that claim.
        if (!funds.initiativeOfClaim(community, claim).filter(initiative::equals).isPresent()) {
            throw new NotFound("no claim " + claim + " of this initiative");
        }
        commands.sendAndWait(new PayApprovedClaim(claim, request.commandId(), request.channel(),
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedFundEntry(initiative, request.commandId());
    }

    /** Bank, cash box and open claims at the end of {@code asOf} (today when left out). */
    public InitiativeBalance balance(Login me, CommunityId community, InitiativeId initiative, LocalDate asOf) {
        requireBooksVisible(me, community, initiative);
        return funds.balanceOf(community, initiative, day.orToday(asOf));
    }

    /** The period {@code from}–{@code to} (inclusive, at most three years) and the one before it. */
    public InitiativeReport report(Login me, CommunityId community, InitiativeId initiative, LocalDate from, LocalDate to) {
        requireBooksVisible(me, community, initiative);
        return funds.report(community, initiative, from, to);
    }

    /**
     * Only the initiative's treasurers pass (the fund checks that again with its own copy of the
     * role); who asks is checked before what exists, so nobody else can tell the two apart. The
     * fund itself does not know its community (its id is the initiative's): an initiative of
     * another community is not found here.
     */
    private void requireTreasurer(Login me, CommunityId community, InitiativeId initiative) {
        access.requireTreasurerOf(me, community, initiative);
        if (!funds.knows(community, initiative)) {
            throw new NotFound("no initiative " + initiative + " in this community");
        }
    }

    /** An initiative's books are for its treasurers, its kascommissie and the coordinators. */
    private void requireBooksVisible(Login me, CommunityId community, InitiativeId initiative) {
        access.requireBooksReader(me, community, initiative);
        if (!funds.knows(community, initiative)) {
            throw new NotFound("no initiative " + initiative + " in this community");
        }
    }
}
