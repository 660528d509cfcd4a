package nl.wederkerig.api.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command again when it lost a race for an aggregate's next sequence number to another
 * application instance (or to the other stream of a command that touches several, such as the
 * open-advance limit): the client sees one answer, not a conflict it must resolve. Only such a
 * conflict is retried; a rule the domain refused is an answer, and the command id keeps a retry that
 * did get through from being recorded twice. After {@link #MAX_RETRIES} the conflict is the answer
 * (409 {@code conflict}).
 */
final class ConflictRetries implements RetryScheduler {

    static final int MAX_RETRIES = 8;
    /** Waits grow with each retry, with jitter, so two instances that collided do not collide again. */
    static final long BASE_WAIT_MILLIS = 5;

    private final ScheduledExecutorService executor;

    ConflictRetries(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!isConflict(lastFailure) || failures.size() > MAX_RETRIES) {
            return false;
        }
        long waitMillis = BASE_WAIT_MILLIS * failures.size() + ThreadLocalRandom.current().nextLong(BASE_WAIT_MILLIS * 4);
        executor.schedule(commandDispatch, waitMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean isConflict(Throwable failure) {
        return ExceptionUtils.findException(failure, ConcurrencyException.class).isPresent();
    }
}
