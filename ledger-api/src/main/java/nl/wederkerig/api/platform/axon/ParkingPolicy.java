package nl.wederkerig.api.platform.axon;

import org.axonframework.common.ExceptionUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Parks every refused event (and, on a failed retry, keeps it parked) with a reason a coordinator
 * may read: the read model's own refusal ("out of step at advance …: …"), which names ids and the
 * rule broken, never a name; for a database error only its SQLSTATE, since a driver's message can
 * quote the values of the row; for anything else only the kind of failure. The full error is in
 * the log for whoever runs the machine.
 */
final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** Longest reason kept; the column holds more (V14_0). */
    static final int MAX_REASON_CHARS = 500;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ParkingPolicy.class);

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        log.warn("parked event {} ({}) of sequence {}", letter.message().getIdentifier(),
                letter.message().getPayloadType().getSimpleName(), sequenceOf(letter), cause);
        return Decisions.enqueue(reasonFor(cause));
    }

    /** What a coordinator may read about {@code failure}. */
    static ThrowableCause reasonFor(Throwable failure) {
        Optional<RuntimeException> refusal = ExceptionUtils.findException(failure, ParkingPolicy::isOwnRefusal)
                .map(RuntimeException.class::cast);
        if (refusal.isPresent()) {
            return new ThrowableCause(refusal.get().getClass().getName(), truncated(refusal.get().getMessage()));
        }
        Optional<SQLException> sql = ExceptionUtils.findException(failure, SQLException.class);
        if (sql.isPresent()) {
            return new ThrowableCause(SQLException.class.getName(),
                    "the database refused the read model's write (SQLSTATE " + sql.get().getSQLState() + ")");
        }
        Throwable root = failure == null ? null : ExceptionUtils.findException(failure, t -> t.getCause() == null).orElse(failure);
        String kind = root == null ? "unknown" : root.getClass().getName();
        return new ThrowableCause(kind, "the read model failed on this event (" + kind + ")");
    }

    /** A guard of our own (a read model refusing a wrong number), thrown from our code with a message written for people. */
    private static boolean isOwnRefusal(Throwable failure) {
        if (!(failure instanceof IllegalStateException || failure instanceof IllegalArgumentException)
                || failure.getMessage() == null) {
            return false;
        }
        StackTraceElement[] frames = failure.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith("nl.wederkerig.");
    }

    private static String truncated(String message) {
        return message.length() <= MAX_REASON_CHARS ? message : message.substring(0, MAX_REASON_CHARS - 1) + "…";
    }

    private static Object sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() : letter.message().getIdentifier();
    }
}
