package nl.wederkerig.core.help;

import nl.wederkerig.core.shared.Amounts;
import nl.wederkerig.core.shared.BusinessDateOutOfRange;
import nl.wederkerig.core.shared.BusinessDates;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InWrongState;
import nl.wederkerig.core.shared.KnownParties;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.NotAParty;
import nl.wederkerig.core.shared.ProcessedCommands;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One stretch of help in hours (buurthulp) from a helper to a receiver, exact to the minute
 * ({@link nl.wederkerig.core.shared.Hours} caps one record at 24 hours). The receiver may confirm
 * or dispute it; a dispute can be resolved by confirming.
 */
public class HelpRecord {

    /** A record is confirmed or disputed a few times at most. */
    public static final int MAX_COMMANDS = 20;

    @AggregateIdentifier
    private HelpId helpId;
    private CommunityId communityId;
    private MemberId helper;
    private MemberId receiver;
    private LocalDate givenOn;
    private HelpStatus status;
    private RecordHelp recording;
    private final ProcessedCommands processed = new ProcessedCommands(MAX_COMMANDS);

    protected HelpRecord() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordHelp command, Clock clock, KnownParties parties) {
        if (recording != null) {
            if (!recording.equals(command)) {
                throw new CommandIdReused(command.helpId().value());
            }
            return;
        }
        Objects.requireNonNull(command.communityId(), "community is missing");
        Objects.requireNonNull(command.receiver(), "receiver is missing");
        Objects.requireNonNull(command.hours(), "hours are missing");
        Objects.requireNonNull(command.kind(), "kind is missing");
        Objects.requireNonNull(command.actor(), "actor is missing");
        Objects.requireNonNull(command.helper(), "helper is missing");
        if (command.helper().equals(command.receiver())) {
            throw new SelfHelp();
        }
        if (!command.hours().isPositive()) {
            throw new HoursNotPositive();
        }
        BusinessDates.requireAllowed(command.businessDate(), clock);
        // Who typed it is the helper, or records on the helper's behalf (a coordinator, or a neighbour
        // the helper named for that); the event keeps both, the helper stays the one who gave the hours.
        if (!command.actor().equals(command.helper())) {
            parties.requireMayActFor(command.communityId(), command.actor(), command.helper());
        }
        parties.requireMembers(command.communityId(), command.helper(), command.receiver());
        apply(new HelpRecorded(command.helpId(), command.communityId(), command.helper(), command.receiver(),
                command.hours(), command.kind(), command.note(), command.businessDate(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ConfirmHelp command, Clock clock) {
        NotAParty.requireParty(command.actor(), helper, receiver);
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Amounts.requireActor(command.actor(), receiver, "confirm help given to " + receiver);
        if (status == HelpStatus.CONFIRMED) {
            throw new InWrongState(InWrongState.Kind.HELP, helpId, status, "confirm it again");
        }
        requireBusinessDate(command.businessDate(), clock);
        apply(new HelpConfirmed(helpId, communityId, command.commandId(), command.businessDate(), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(DisputeHelp command, Clock clock) {
        NotAParty.requireParty(command.actor(), helper, receiver);
        if (processed.isRepeat(command.commandId(), command)) {
            return;
        }
        Objects.requireNonNull(command.reason(), "reason is missing");
        Amounts.requireActor(command.actor(), receiver, "dispute help given to " + receiver);
        if (status != HelpStatus.RECORDED) {
            throw new InWrongState(InWrongState.Kind.HELP, helpId, status, "dispute it");
        }
        requireBusinessDate(command.businessDate(), clock);
        apply(new HelpDisputed(helpId, communityId, command.commandId(), command.reason(), command.businessDate(),
                command.actor(), clock.instant()));
    }

    private void requireBusinessDate(LocalDate businessDate, Clock clock) {
        BusinessDates.requireAllowed(businessDate, clock);
        if (businessDate.isBefore(givenOn)) {
            throw new BusinessDateOutOfRange(businessDate, givenOn, LocalDate.now(clock));
        }
    }

    @EventSourcingHandler
    void on(HelpRecorded event) {
        helpId = event.helpId();
        communityId = event.communityId();
        helper = event.helper();
        receiver = event.receiver();
        givenOn = event.businessDate();
        status = HelpStatus.RECORDED;
        recording = new RecordHelp(event.helpId(), event.communityId(), event.helper(), event.receiver(), event.hours(),
                event.kind(), event.note(), event.businessDate(), event.actor());
    }

    @EventSourcingHandler
    void on(HelpConfirmed event) {
        status = HelpStatus.CONFIRMED;
        processed.remember(event.commandId(), new ConfirmHelp(helpId, event.commandId(), event.businessDate(), event.actor()));
    }

    @EventSourcingHandler
    void on(HelpDisputed event) {
        status = HelpStatus.DISPUTED;
        processed.remember(event.commandId(),
                new DisputeHelp(helpId, event.commandId(), event.reason(), event.businessDate(), event.actor()));
    }
}
