package nl.wederkerig.core.errands;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.shared.Amounts;
import nl.wederkerig.core.shared.BusinessDateOutOfRange;
import nl.wederkerig.core.shared.BusinessDates;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.InWrongState;
import nl.wederkerig.core.shared.KnownParties;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.NotAParty;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ProcessedCommands;
import nl.wederkerig.core.shared.ReceiptMissing;
import nl.wederkerig.core.shared.ActorNotAllowed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An errand with entrusted cash: the asker hands the helper cash, the helper reports what they
 * spent (with a receipt reference) and hands back the change. Spending more than entrusted turns
 * the difference into an advance from helper to asker ({@link ErrandOverspent}).
 *
 * <p>Invariant: {@code settled + changeDue + returned == entrusted} once reported.
 */
public class Errand {

    /** Most cash one neighbour entrusts to another for one errand: groceries, not a month's rent. */
    public static final Money MAX_ENTRUSTED = Money.eur("500.00");
    /** Most a helper may report spending on one errand; anything above is surely a typing error. */
    public static final Money MAX_SPENT = Money.eur("1000.00");
    /** An errand has three steps; a few retries with new ids are tolerated, not more. */
    public static final int MAX_COMMANDS = 20;

    @AggregateIdentifier
    private ErrandId errandId;
    private CommunityId communityId;
    private MemberId asker;
    private MemberId helper;
    private Money entrusted;
    private Money changeDue;
    private LocalDate startedOn;
    private ErrandStatus status;
    private StartErrand starting;
    private final ProcessedCommands processed = new ProcessedCommands(MAX_COMMANDS);

    protected Errand() {
    }

    // The errand id is the client's command id: a retried start finds the errand and changes nothing.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StartErrand command, Clock clock, KnownParties parties) {
        if (starting != null) {
            if (!starting.equals(command)) {
                throw new CommandIdReused(command.errandId().value());
            }
            return;
        }
        Objects.requireNonNull(command.communityId(), "community is missing");
        Objects.requireNonNull(command.asker(), "asker is missing");
        Objects.requireNonNull(command.helper(), "helper is missing");
        Objects.requireNonNull(command.purpose(), "purpose is missing");
        Objects.requireNonNull(command.actor(), "actor is missing");
        // Either neighbour may record the hand-over: both saw it happen.
        if (!command.actor().equals(command.asker()) && !command.actor().equals(command.helper())) {
            throw new ActorNotAllowed(command.actor(), "record an errand between " + command.asker() + " and " + command.helper());
        }
        if (command.asker().equals(command.helper())) {
            throw new SelfErrand();
        }
        Amounts.requirePositiveEur(command.entrusted(), MAX_ENTRUSTED);
        BusinessDates.requireAllowed(command.businessDate(), clock);
        parties.requireMembers(command.communityId(), command.asker(), command.helper());
        apply(new ErrandStarted(command.errandId(), command.communityId(), command.asker(), command.helper(),
                command.entrusted(), command.purpose(), command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReportErrandSpending command, Clock clock) {
        NotAParty.requireParty(command.actor(), asker, helper);
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Amounts.requireActor(command.actor(), helper, "report spending on an errand run by " + helper);
        requireStatus(ErrandStatus.STARTED, "report spending twice");
        Money spent = Amounts.requireNotNegativeEur(command.spent(), MAX_SPENT);
        if (spent.isPositive() && command.receipt() == null) {
            throw new ReceiptMissing();
        }
        requireBusinessDate(command.businessDate(), clock);
        Money settled = spent.isGreaterThan(entrusted) ? entrusted : spent;
        apply(new ErrandSpendingReported(errandId, communityId, command.commandId(), asker, helper, spent, settled,
                entrusted.minus(settled), command.receipt(), command.businessDate(), command.actor(), clock.instant()));
        if (spent.isGreaterThan(entrusted)) {
            apply(new ErrandOverspent(errandId, communityId, overspendAdvanceId(errandId), helper, asker,
                    spent.minus(entrusted), command.businessDate(), command.actor(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(ReturnErrandChange command, Clock clock) {
        NotAParty.requireParty(command.actor(), asker, helper);
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Amounts.requireActor(command.actor(), helper, "hand back change for an errand run by " + helper);
        requireStatus(ErrandStatus.CHANGE_DUE, "hand back change now");
        Objects.requireNonNull(command.amount(), "amount is missing");
        if (!command.amount().equals(changeDue)) {
            throw new ChangeMismatch(command.amount(), changeDue);
        }
        requireBusinessDate(command.businessDate(), clock);
        apply(new ErrandChangeReturned(errandId, communityId, command.commandId(), asker, helper, command.amount(),
                command.businessDate(), command.actor(), clock.instant()));
    }

    /**
     * The id of the advance an errand's overspend becomes: derived from the errand id (an errand
     * is reported once), as a name-based UUID so it is the same on every retry and cannot collide
     * with another errand's. A command id would not do: it is unique only within one aggregate.
     */
    public static AdvanceId overspendAdvanceId(ErrandId errandId) {
        return AdvanceId.of(UUID.nameUUIDFromBytes(("errand-overspend:" + errandId.value())
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    private void requireStatus(ErrandStatus expected, String step) {
        if (status != expected) {
            throw new InWrongState(InWrongState.Kind.ERRAND, errandId, status, step);
        }
    }

    private void requireBusinessDate(LocalDate businessDate, Clock clock) {
        BusinessDates.requireAllowed(businessDate, clock);
        if (businessDate.isBefore(startedOn)) {
            throw new BusinessDateOutOfRange(businessDate, startedOn, LocalDate.now(clock));
        }
    }

    @EventSourcingHandler
    void on(ErrandStarted event) {
        errandId = event.errandId();
        communityId = event.communityId();
        asker = event.asker();
        helper = event.helper();
        entrusted = event.entrusted();
        startedOn = event.businessDate();
        status = ErrandStatus.STARTED;
        starting = new StartErrand(event.errandId(), event.communityId(), event.asker(), event.helper(),
                event.entrusted(), event.purpose(), event.businessDate(), event.actor());
    }

    @EventSourcingHandler
    void on(ErrandSpendingReported event) {
        assert event.settledFromEntrusted().plus(event.changeDue()).equals(entrusted) : "entrusted cash must be fully accounted for";
        changeDue = event.changeDue();
        status = changeDue.isZero() ? ErrandStatus.DONE : ErrandStatus.CHANGE_DUE;
        processed.remember(event.commandId(), new ReportErrandSpending(errandId, event.commandId(), event.spent(),
                event.receipt(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(ErrandChangeReturned event) {
        assert event.amount().equals(changeDue) : "change returned must be the change due";
        changeDue = Money.zero(entrusted.currency());
        status = ErrandStatus.DONE;
        processed.remember(event.commandId(), new ReturnErrandChange(errandId, event.commandId(), event.amount(),
                event.businessDate(), event.actor()));
    }
}
