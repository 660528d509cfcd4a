package nl.wederkerig.api.platform.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the store took the last write tried, as the {@code storage} health (and readiness):
 * DOWN from a write that failed for want of storage until a write succeeds again. Every write counts:
 * the heartbeat every 2 s ({@code ApplicationInstances}), each sync of a command's events
 * ({@code DurableCommits}) and each command refused for storage. Why not a probe of its own: the
 * heartbeat is already a small write every 2 s, and a health check that writes on every call would
 * write as often as a load balancer asks.
 */
@Component("storage")
public class StoreWritability implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StoreWritability.class);

    /** How long no storage failure must come before a write counts as recovery (the heartbeat runs every 2 s). */
    static final Duration SETTLE = Duration.ofSeconds(5);

    private record Outcome(boolean writable, Instant at, String failure) {
    }

    private final Clock clock;
    private final AtomicReference<Outcome> last;

    public StoreWritability(Clock clock) {
        this.clock = clock;
        this.last = new AtomicReference<>(new Outcome(true, clock.instant(), null));
    }

    /**
     * After a storage failure, a successful write says UP only once no failure came for
     * {@link #SETTLE}: the heartbeat's few bytes can pass where a command's cannot (PostgreSQL with
     * a full disk still finds room for them in its current WAL segment and the row's page), and
     * health flipped UP every 2 s while every command was refused.
     */
    public void wrote() {
        Instant now = clock.instant();
        Outcome before = last.get();
        if (!before.writable() && now.isBefore(before.at().plus(SETTLE))) {
            return;
        }
        if (last.compareAndSet(before, new Outcome(true, now, null)) && !before.writable()) {
            log.warn("the store takes writes again (it did not since {})", before.at());
        }
    }

    /** Counts only a failure of the storage itself; a refused request says nothing about the disk. */
    public void failed(Throwable failure) {
        if (!StorageFailures.isStorageFailure(failure)) {
            return;
        }
        Outcome before = last.getAndSet(new Outcome(false, clock.instant(), rootMessage(failure)));
        if (before.writable()) {
            log.error("the store takes no writes: {}; commands are refused with 503 until it does", rootMessage(failure));
        }
    }

    public boolean writable() {
        return last.get().writable();
    }

    @Override
    public Health health() {
        Outcome outcome = last.get();
        Health.Builder health = outcome.writable() ? Health.up() : Health.down().withDetail("failure", outcome.failure());
        return health.withDetail("since", outcome.at().toString()).build();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < 32; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
