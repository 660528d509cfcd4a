package nl.wederkerig.api.advances;

import nl.wederkerig.api.advances.AdvanceRequests.Confirm;
import nl.wederkerig.api.advances.AdvanceRequests.Dispute;
import nl.wederkerig.api.advances.AdvanceRequests.Make;
import nl.wederkerig.api.advances.AdvanceRequests.Recorded;
import nl.wederkerig.api.advances.AdvanceRequests.Reimburse;
import nl.wederkerig.api.advances.AdvanceRequests.ReimbursementReversal;
import nl.wederkerig.api.advances.AdvanceRequests.Step;
import nl.wederkerig.api.community.OpenedPayoutDetails;
import nl.wederkerig.api.community.PayoutVault;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.core.advances.AcknowledgeAdvance;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.CancelAdvance;
import nl.wederkerig.core.advances.ConfirmReimbursement;
import nl.wederkerig.core.advances.DisputeAdvance;
import nl.wederkerig.core.advances.ForgiveAdvance;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.advances.ReverseReimbursement;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.balances.AdvanceBalances;
import nl.wederkerig.projections.balances.AdvanceView;
import nl.wederkerig.projections.balances.ReimbursementView;
import nl.wederkerig.projections.balances.AdvanceWaiting;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.List;

/**
 * What a neighbour can do with an advance, whichever way they ask (API or page). The advance
 * itself checks who may take each step and whether its state allows it; this checks membership,
 * decides the business date and answers with the ids recorded.
 */
@ApplicationService
public class Advances {

    private final CommandGateway commands;
    private final AdvanceBalances balances;
    private final Access access;
    private final BusinessDay day;
    private final PayoutVault payouts;

    Advances(CommandGateway commands, AdvanceBalances balances, Access access, BusinessDay day, PayoutVault payouts) {
        this.commands = commands;
        this.balances = balances;
        this.access = access;
        this.day = day;
        this.payouts = payouts;
    }

    /**
     * The lender is the one who asks, or the neighbour they ask for ({@code onBehalfOf}): the
     * advance itself lets only a coordinator or a helper the lender named record it for them, and
     * its event keeps both the lender and who typed it.
     */
    public Recorded make(Login me, CommunityId community, Make request) {
        access.requireMember(me, community);
        MemberId lender = request.onBehalfOf() == null ? me.memberId() : request.onBehalfOf();
        commands.sendAndWait(new MakeAdvance(request.advanceId(), community, lender, request.borrower(),
                request.amount(), request.purpose(), day.orToday(request.businessDate()), me.memberId()));
        // The advance id is the id of the command that made it.
        return new Recorded(request.advanceId(), CommandId.of(request.advanceId().value()));
    }

    public Recorded acknowledge(Login me, CommunityId community, AdvanceId advance, Step request) {
        access.requireMember(me, community);
        commands.sendAndWait(new AcknowledgeAdvance(advance, request.commandId(), day.orToday(request.businessDate()),
                me.memberId()));
        return new Recorded(advance, request.commandId());
    }

    public Recorded dispute(Login me, CommunityId community, AdvanceId advance, Dispute request) {
        access.requireMember(me, community);
        commands.sendAndWait(new DisputeAdvance(advance, request.commandId(), request.reason(),
                day.orToday(request.businessDate()), me.memberId()));
        return new Recorded(advance, request.commandId());
    }

    public Recorded reimburse(Login me, CommunityId community, AdvanceId advance, Reimburse request) {
        access.requireMember(me, community);
        commands.sendAndWait(new ReimburseAdvance(advance, request.commandId(), request.amount(),
                day.orToday(request.businessDate()), me.memberId()));
        return new Recorded(advance, request.commandId());
    }

    public Recorded confirmReceipt(Login me, CommunityId community, AdvanceId advance, Confirm request) {
        access.requireMember(me, community);
        commands.sendAndWait(new ConfirmReimbursement(advance, request.commandId(), request.reimbursementId(),
                day.orToday(request.businessDate()), me.memberId()));
        return new Recorded(advance, request.commandId());
    }

    /** Lender or borrower reverses a reimbursement entered in error; the amount is owed again. */
    public Recorded reverseReimbursement(Login me, CommunityId community, AdvanceId advance, CommandId reimbursement,
                                         ReimbursementReversal request) {
        access.requireMember(me, community);
        commands.sendAndWait(new ReverseReimbursement(advance, request.commandId(), reimbursement, request.reason(),
                day.orToday(request.businessDate()), me.memberId()));
        return new Recorded(advance, request.commandId());
    }

    public Recorded forgive(Login me, CommunityId community, AdvanceId advance, Step request) {
        access.requireMember(me, community);
        commands.sendAndWait(new ForgiveAdvance(advance, request.commandId(), day.orToday(request.businessDate()),
                me.memberId()));
        return new Recorded(advance, request.commandId());
    }

    public Recorded cancel(Login me, CommunityId community, AdvanceId advance, Step request) {
        access.requireMember(me, community);
        commands.sendAndWait(new CancelAdvance(advance, request.commandId(), day.orToday(request.businessDate()),
                me.memberId()));
        return new Recorded(advance, request.commandId());
    }

    /**
     * One advance, for its lender and borrower only, and for whoever made it on the lender's behalf
     * (they typed it, and a lender without a phone may need them to follow it); to anyone else it
     * does not exist.
     */
    public AdvanceView advance(Login me, CommunityId community, AdvanceId advance) {
        access.requireMember(me, community);
        return balances.advance(community, advance)
                .filter(view -> view.lender().equals(me.memberId()) || view.borrower().equals(me.memberId())
                        || me.memberId().equals(view.recordedBy()))
                .orElseThrow(() -> new NotFound("no advance " + advance + " of yours"));
    }

    /**
     * One reimbursement of an advance, for its lender and borrower only: the id the lender's
     * confirmation of receipt names, and whether it was confirmed (or reversed).
     */
    public ReimbursementView reimbursement(Login me, CommunityId community, AdvanceId advance, CommandId reimbursement) {
        return advance(me, community, advance).reimbursements().stream()
                .filter(paid -> paid.reimbursementId().equals(reimbursement))
                .findFirst()
                .orElseThrow(() -> new NotFound("no reimbursement " + reimbursement + " of this advance"));
    }

    /** One advance with every step of its history, for its lender and borrower only (404 to anyone else). */
    public AdvanceHistory history(Login me, CommunityId community, AdvanceId advance) {
        AdvanceView view = advance(me, community, advance);
        return new AdvanceHistory(view, balances.steps(community, advance));
    }

    /**
     * How the borrower pays back what is still outstanding by bank, to the lender's account. Only
     * the borrower of an open advance with something outstanding sees the lender's IBAN; to anyone
     * else (the lender too: it is their own) it does not exist, nor when the lender gave no
     * details or their personal data was erased (the sealed IBAN can no longer be opened).
     */
    public PaymentInstructions paymentInstructions(Login me, CommunityId community, AdvanceId advance) {
        AdvanceView view = advance(me, community, advance);
        if (!view.borrower().equals(me.memberId()) || view.status().isClosed() || !view.outstanding().isPositive()) {
            throw new NotFound("no payment instructions for advance " + advance);
        }
        OpenedPayoutDetails lender = payouts.open(community, view.lender())
                .orElseThrow(() -> new NotFound("no payment instructions for advance " + advance));
        String reference = PaymentInstructions.referenceFor(advance);
        return new PaymentInstructions(advance, lender.iban().formatted(), lender.accountHolder().value(), view.outstanding(),
                reference, lender.paymentLink() == null ? null : lender.paymentLink().value(),
                GiroCode.payload(lender.accountHolder(), lender.iban(), view.outstanding(), reference));
    }

    /** The GiroCode of {@link #paymentInstructions} as a PNG image, for the same borrower only. */
    public byte[] giroCodePng(Login me, CommunityId community, AdvanceId advance) {
        return GiroCode.png(paymentInstructions(me, community, advance).epcPayload());
    }

    /** The signed-in neighbour's own advances, lent and borrowed, newest first. */
    public List<AdvanceView> mine(Login me) {
        access.requireMember(me, me.communityId());
        return balances.advancesOf(me.communityId(), me.memberId());
    }

    /** What waits for the signed-in neighbour: advances to acknowledge or dispute, reimbursements to confirm. */
    public List<AdvanceWaiting> waitingForMe(Login me) {
        access.requireMember(me, me.communityId());
        return balances.waitingFor(me.communityId(), me.memberId());
    }
}
