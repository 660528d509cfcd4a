package nl.wederkerig.core.advances;

import nl.wederkerig.core.corrections.Reversals;
import nl.wederkerig.core.shared.ActorNotAllowed;
import nl.wederkerig.core.shared.AmountNotPositive;
import nl.wederkerig.core.shared.AmountTooLarge;
import nl.wederkerig.core.shared.BusinessDates;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.KnownParties;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.NotAParty;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ProcessedCommands;
import nl.wederkerig.core.shared.WrongCurrency;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One advance between two neighbours. Command handlers only check rules and apply events; state
 * changes only in the event sourcing handlers, so replaying the events rebuilds exactly this state.
 *
 * <p>Invariant: {@code 0 <= outstanding <= amount}, and {@code outstanding == 0} once closed.
 */
public class Advance {

    /** Largest advance one neighbour may record for another: neighbour help, not a bank loan. */
    public static final Money MAX_AMOUNT = Money.eur("5000.00");

    /** Most commands one advance handles over its life; bounds the event stream and the state below. */
    public static final int MAX_COMMANDS = 200;

    @AggregateIdentifier
    private AdvanceId advanceId;
    private CommunityId communityId;
    private MemberId lender;
    private MemberId borrower;
    private Money amount;
    private Money outstanding;
    private LocalDate madeOn;
    private AdvanceStatus status;
    /** The command that made this advance, to recognise a retry of it. */
    private MakeAdvance making;
    /** Or the command that opened it from an errand's overspend. */
    private OpenErrandAdvance opening;
    private final Set<CommandId> reimbursements = new HashSet<>();
    private final Set<CommandId> confirmedReimbursements = new HashSet<>();
    private final Reversals<AdvanceReimbursed> reimbursementsToReverse = new Reversals<>();
    private final ProcessedCommands processed = new ProcessedCommands(MAX_COMMANDS);

    /** For Axon: an advance is created by its first command, {@link MakeAdvance}. */
    protected Advance() {
    }

    // The advance id is the client's command id: a retry of the same MakeAdvance must find the
    // advance already there and change nothing, hence create-if-missing rather than a constructor.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(MakeAdvance command, Clock clock, KnownParties parties) {
        if (making != null || opening != null) {
            if (!command.equals(making)) {
                throw new CommandIdReused(command.advanceId().value());
            }
            return;
        }
        Objects.requireNonNull(command.communityId(), "community is missing");
        Objects.requireNonNull(command.lender(), "lender is missing");
        Objects.requireNonNull(command.borrower(), "borrower is missing");
        Objects.requireNonNull(command.amount(), "amount is missing");
        Objects.requireNonNull(command.purpose(), "purpose is missing");
        Objects.requireNonNull(command.actor(), "actor is missing");
        if (command.lender().equals(command.borrower())) {
            throw new SelfAdvance();
        }
        if (!Money.EUR.equals(command.amount().currency())) {
            throw new UnsupportedCurrency(command.amount().currency());
        }
        if (!command.amount().isPositive()) {
            throw new AmountNotPositive(command.amount());
        }
        if (command.amount().isGreaterThan(MAX_AMOUNT)) {
            throw new AmountTooLarge(command.amount(), MAX_AMOUNT);
        }
        BusinessDates.requireAllowed(command.businessDate(), clock);
        // Last, as it loads the community. Who typed it (the actor) is the lender, or records on the
        // lender's behalf as a coordinator or a helper the lender named; the event keeps both.
        if (!command.actor().equals(command.lender())) {
            parties.requireMayActFor(command.communityId(), command.actor(), command.lender());
        }
        parties.requireMembers(command.communityId(), command.lender(), command.borrower());
        apply(new AdvanceMade(command.advanceId(), command.communityId(), command.lender(), command.borrower(),
                command.amount(), command.purpose(), command.businessDate(), command.actor(), clock.instant()));
    }

    // An errand's overspend becomes an advance with the id the errand chose; a retry changes nothing.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenErrandAdvance command, Clock clock) {
        if (making != null || opening != null) {
            if (!command.equals(opening)) {
                throw new CommandIdReused(command.advanceId().value());
            }
            return;
        }
        Objects.requireNonNull(command.communityId(), "community is missing");
        Objects.requireNonNull(command.errandId(), "errand is missing");
        Objects.requireNonNull(command.borrower(), "borrower is missing");
        requireActor(command.actor(), command.lender(), "open an advance paid by " + command.lender());
        if (command.lender().equals(command.borrower())) {
            throw new SelfAdvance();
        }
        Objects.requireNonNull(command.amount(), "amount is missing");
        if (!Money.EUR.equals(command.amount().currency())) {
            throw new UnsupportedCurrency(command.amount().currency());
        }
        if (!command.amount().isPositive()) {
            throw new AmountNotPositive(command.amount());
        }
        if (command.amount().isGreaterThan(MAX_AMOUNT)) {
            throw new AmountTooLarge(command.amount(), MAX_AMOUNT);
        }
        BusinessDates.requireAllowed(command.businessDate(), clock);
        apply(new ErrandAdvanceOpened(command.advanceId(), command.communityId(), command.errandId(), command.lender(),
                command.borrower(), command.amount(), command.businessDate(), command.actor(), clock.instant()));
    }

    /** What this advance owes right now (zero once closed): read by the borrower's advance book. */
    public Money outstandingNow() {
        return outstanding;
    }

    @CommandHandler
    public void handle(AcknowledgeAdvance command, Clock clock) {
        NotAParty.requireParty(command.actor(), lender, borrower);
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireActor(command.actor(), borrower, "acknowledge an advance made to " + borrower);
        requireOpen();
        // Acknowledging a disputed advance resolves the dispute.
        requireStatus("acknowledge it", AdvanceStatus.MADE, AdvanceStatus.DISPUTED);
        requireBusinessDate(command.businessDate(), clock);
        apply(new AdvanceAcknowledged(advanceId, communityId, command.commandId(), command.businessDate(),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(DisputeAdvance command, Clock clock) {
        NotAParty.requireParty(command.actor(), lender, borrower);
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Objects.requireNonNull(command.reason(), "reason is missing");
        requireActor(command.actor(), borrower, "dispute an advance made to " + borrower);
        requireOpen();
        requireStatus("dispute it", AdvanceStatus.MADE);
        requireBusinessDate(command.businessDate(), clock);
        apply(new AdvanceDisputed(advanceId, communityId, command.commandId(), command.reason(),
                command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReimburseAdvance command, Clock clock) {
        NotAParty.requireParty(command.actor(), lender, borrower);
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Objects.requireNonNull(command.amount(), "amount is missing");
        requireActor(command.actor(), borrower, "reimburse an advance made to " + borrower);
        requireOpen();
        // A disputed advance is paid only after the borrower acknowledges it: paying is agreeing.
        requireStatus("reimburse it before acknowledging it", AdvanceStatus.MADE, AdvanceStatus.ACKNOWLEDGED);
        if (!command.amount().sameCurrency(amount)) {
            throw new WrongCurrency(amount.currency(), command.amount().currency());
        }
        if (!command.amount().isPositive()) {
            throw new AmountNotPositive(command.amount());
        }
        if (command.amount().isGreaterThan(outstanding)) {
            throw new OverReimbursement(command.amount(), outstanding);
        }
        requireBusinessDate(command.businessDate(), clock);
        apply(new AdvanceReimbursed(advanceId, communityId, command.commandId(), command.amount(),
                outstanding.minus(command.amount()), command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ConfirmReimbursement command, Clock clock) {
        NotAParty.requireParty(command.actor(), lender, borrower);
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Objects.requireNonNull(command.reimbursementId(), "reimbursement is missing");
        requireActor(command.actor(), lender, "confirm receipt for " + lender);
        // Receipt may be confirmed after the advance closed: the money arrived before it did.
        if (!reimbursements.contains(command.reimbursementId())) {
            throw new UnknownReimbursement(command.reimbursementId());
        }
        if (confirmedReimbursements.contains(command.reimbursementId())) {
            throw new ReimbursementAlreadyConfirmed(command.reimbursementId());
        }
        requireBusinessDate(command.businessDate(), clock);
        apply(new ReimbursementConfirmed(advanceId, communityId, command.commandId(), command.reimbursementId(),
                command.businessDate(), command.actor(), clock.instant()));
    }

    // Only while the advance is open: a settled advance has left the borrower's AdvanceBook, and
    // reopening it here would let it escape the community's limit on open advances.
    @CommandHandler
    public void handle(ReverseReimbursement command, Clock clock) {
        NotAParty.requireParty(command.actor(), lender, borrower);
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Objects.requireNonNull(command.reason(), "reason is missing");
        Objects.requireNonNull(command.actor(), "actor is missing");
        if (!command.actor().equals(lender) && !command.actor().equals(borrower)) {
            throw new ActorNotAllowed(command.actor(), "reverse a reimbursement between " + lender + " and " + borrower);
        }
        requireOpen();
        AdvanceReimbursed original = reimbursementsToReverse.requireReversible(
                Objects.requireNonNull(command.reimbursementId(), "reimbursement is missing"));
        if (confirmedReimbursements.contains(command.reimbursementId())) {
            throw new ReimbursementAlreadyConfirmed(command.reimbursementId());
        }
        requireBusinessDate(command.businessDate(), clock);
        apply(new ReimbursementReversed(advanceId, communityId, command.commandId(), command.reimbursementId(),
                original.amount(), outstanding.plus(original.amount()), command.reason(), command.businessDate(),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ForgiveAdvance command, Clock clock) {
        NotAParty.requireParty(command.actor(), lender, borrower);
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireActor(command.actor(), lender, "forgive an advance paid by " + lender);
        requireOpen();
        requireBusinessDate(command.businessDate(), clock);
        apply(new AdvanceForgiven(advanceId, communityId, command.commandId(), outstanding,
                command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(CancelAdvance command, Clock clock) {
        NotAParty.requireParty(command.actor(), lender, borrower);
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        requireActor(command.actor(), lender, "cancel an advance paid by " + lender);
        requireOpen();
        requireStatus("cancel it once acknowledged; forgive it instead", AdvanceStatus.MADE, AdvanceStatus.DISPUTED);
        requireBusinessDate(command.businessDate(), clock);
        apply(new AdvanceCancelled(advanceId, communityId, command.commandId(), amount,
                command.businessDate(), command.actor(), clock.instant()));
    }

    @EventSourcingHandler
    void on(AdvanceMade event) {
        open(event.advanceId(), event.communityId(), event.lender(), event.borrower(), event.amount(), event.businessDate());
        making = new MakeAdvance(event.advanceId(), event.communityId(), event.lender(), event.borrower(),
                event.amount(), event.purpose(), event.businessDate(), event.actor());
        assertInvariant();
    }

    @EventSourcingHandler
    void on(ErrandAdvanceOpened event) {
        open(event.advanceId(), event.communityId(), event.lender(), event.borrower(), event.amount(), event.businessDate());
        opening = new OpenErrandAdvance(event.advanceId(), event.communityId(), event.errandId(), event.lender(),
                event.borrower(), event.amount(), event.businessDate(), event.actor());
        assertInvariant();
    }

    @EventSourcingHandler
    void on(AdvanceAcknowledged event) {
        status = AdvanceStatus.ACKNOWLEDGED;
        processed.remember(event.commandId(),
                new AcknowledgeAdvance(advanceId, event.commandId(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(AdvanceDisputed event) {
        status = AdvanceStatus.DISPUTED;
        processed.remember(event.commandId(),
                new DisputeAdvance(advanceId, event.commandId(), event.reason(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(AdvanceReimbursed event) {
        outstanding = outstanding.minus(event.amount());
        assert outstanding.equals(event.outstandingAfter()) : "event's outstanding disagrees with the stream";
        // Paying back part is acknowledging the rest; paying back all of it settles the advance.
        status = outstanding.isZero() ? AdvanceStatus.SETTLED : AdvanceStatus.ACKNOWLEDGED;
        reimbursements.add(event.commandId());
        reimbursementsToReverse.remember(event.commandId(), event);
        processed.remember(event.commandId(),
                new ReimburseAdvance(advanceId, event.commandId(), event.amount(), event.businessDate(), event.actor()));
        assertInvariant();
    }

    @EventSourcingHandler
    void on(ReimbursementReversed event) {
        outstanding = outstanding.plus(event.amount());
        assert outstanding.equals(event.outstandingAfter()) : "event's outstanding disagrees with the stream";
        reimbursementsToReverse.markReversed(event.reimbursementId());
        // A reversed reimbursement never arrived, so there is no receipt left to confirm.
        reimbursements.remove(event.reimbursementId());
        processed.remember(event.commandId(), new ReverseReimbursement(advanceId, event.commandId(),
                event.reimbursementId(), event.reason(), event.businessDate(), event.actor()));
        assertInvariant();
    }

    @EventSourcingHandler
    void on(ReimbursementConfirmed event) {
        confirmedReimbursements.add(event.reimbursementId());
        processed.remember(event.commandId(), new ConfirmReimbursement(advanceId, event.commandId(),
                event.reimbursementId(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(AdvanceForgiven event) {
        assert event.amount().equals(outstanding) : "forgiven amount must be all that was outstanding";
        outstanding = Money.zero(amount.currency());
        status = AdvanceStatus.FORGIVEN;
        processed.remember(event.commandId(),
                new ForgiveAdvance(advanceId, event.commandId(), event.businessDate(), event.actor()));
        assertInvariant();
    }

    @EventSourcingHandler
    void on(AdvanceCancelled event) {
        outstanding = Money.zero(amount.currency());
        status = AdvanceStatus.CANCELLED;
        processed.remember(event.commandId(),
                new CancelAdvance(advanceId, event.commandId(), event.businessDate(), event.actor()));
        assertInvariant();
    }

    /** The state both ways of opening an advance share: made by a lender, or left by an errand's overspend. */
    private void open(AdvanceId id, CommunityId community, MemberId lentBy, MemberId lentTo, Money lent, LocalDate on) {
        advanceId = id;
        communityId = community;
        lender = lentBy;
        borrower = lentTo;
        amount = lent;
        outstanding = lent;
        madeOn = on;
        status = AdvanceStatus.MADE;
    }

    private void requireActor(MemberId actor, MemberId party, String what) {
        Objects.requireNonNull(actor, "actor is missing");
        if (!actor.equals(party)) {
            throw new ActorNotAllowed(actor, what);
        }
    }

    private void requireOpen() {
        if (status.isClosed()) {
            throw new AdvanceClosed(advanceId, status);
        }
    }

    private void requireStatus(String what, AdvanceStatus... allowed) {
        for (AdvanceStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new AdvanceInWrongState(advanceId, status, what);
    }

    /** Nothing may happen to an advance before the day it was made, nor in the future. */
    private void requireBusinessDate(LocalDate businessDate, Clock clock) {
        BusinessDates.requireAllowed(businessDate, clock);
        if (businessDate.isBefore(madeOn)) {
            throw new nl.wederkerig.core.shared.BusinessDateOutOfRange(businessDate, madeOn, LocalDate.now(clock));
        }
    }

    private void assertInvariant() {
        assert !outstanding.isGreaterThan(amount) && outstanding.amount().signum() >= 0
                : "outstanding " + outstanding + " outside 0.." + amount;
        assert !status.isClosed() || outstanding.isZero() : "a closed advance owes nothing";
    }
}
