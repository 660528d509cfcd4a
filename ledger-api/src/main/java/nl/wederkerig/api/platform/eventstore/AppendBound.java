package nl.wederkerig.api.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Bounds how late an appending transaction can commit, so that no tracking processor passes its
 * events by.
 *
 * <p>Why: a processor waits for a gap in the global index (an index taken by a transaction that has
 * not committed yet) only while the events around it are younger than the gap timeout; after that
 * Axon drops the gap, and an event that commits into it later is never read by any read model
 * (AxonFramework issue 4829). An append once answered 200 after 74 s and the balance read model
 * missed it. Spring's transaction timeout did not prevent that: it is checked only when Spring's own
 * JDBC code starts a statement, not by Axon's inserts, a lock wait or the commit.
 *
 * <p>The bound counts from the creation of the transaction's earliest event (its timestamp, the very
 * value Axon compares with the gap timeout) to its commit:
 * <ol>
 *   <li>before the INSERT and again just before the commit, a transaction past the bound is rolled
 *   back ({@link AppendTooSlow}, answered 503): this holds on every database, for every kind of
 *   delay (a lock, a slow statement, a stalled thread, a garbage collection);</li>
 *   <li>at the database, so that a wait ends by itself and releases the connection and its locks:
 *   on PostgreSQL the rest of the bound becomes the transaction's own {@code statement_timeout},
 *   {@code lock_timeout} and {@code idle_in_transaction_session_timeout} ({@code SET LOCAL}: only the
 *   appending transaction, never a long read-model rebuild); on H2, which has no per-transaction
 *   timeouts, its lock timeout ({@code LOCK_TIMEOUT}, 2 s by default) must not exceed the bound,
 *   checked at start.</li>
 * </ol>
 *
 * <p>Why the gap timeout must be at least {@value #GAP_TIMEOUT_PER_BOUND} bounds: a gap is dropped only
 * when an event with a higher index is read while older than the gap timeout. That event took its
 * index after the gap's, and was at most one bound old when it did; the gap's own transaction commits
 * at most one bound after its events were created, which is before it took its index. Two bounds
 * therefore always suffice; the third is room for what the bound does not cover: the commit itself,
 * the reading query's own duration, and clocks of several instances that differ (PostgreSQL).
 */
public final class AppendBound {

    /** The gap timeout is at least this many bounds; see the class comment. */
    public static final int GAP_TIMEOUT_PER_BOUND = 3;

    private final Duration bound;
    private final Duration gapTimeout;
    private final boolean postgres;

    /**
     * @param bound      longest an appending transaction may live from its first event's creation to its commit
     * @param gapTimeout how long a tracking processor waits for a gap to fill (the event store's setting)
     * @throws IllegalStateException when the two settings or the database would not keep the promise: the
     *                               application refuses to start rather than lose events later
     */
    public AppendBound(Duration bound, Duration gapTimeout, DataSource dataSource) {
        if (bound.isNegative() || bound.isZero() || bound.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalStateException("wederkerig.event-store.append-bound must be between 0 and 1 minute, not " + bound);
        }
        if (gapTimeout.compareTo(bound.multipliedBy(GAP_TIMEOUT_PER_BOUND)) < 0) {
            throw new IllegalStateException("wederkerig.event-store.gap-timeout (" + gapTimeout + ") must be at least "
                    + GAP_TIMEOUT_PER_BOUND + " × wederkerig.event-store.append-bound (" + bound
                    + "), or a read model could pass a late commit by for good (docs/operations.md)");
        }
        this.bound = bound;
        this.gapTimeout = gapTimeout;
        this.postgres = checkDatabase(dataSource, bound);
    }

    public Duration bound() {
        return bound;
    }

    /** The gap timeout checked against the bound: the event store is configured with this one. */
    public Duration gapTimeout() {
        return gapTimeout;
    }

    /**
     * Called by the append on the appending transaction's connection, before its INSERT: refuses
     * events already older than the bound, and bounds the rest of the transaction.
     */
    public void enter(Connection connection, List<? extends EventMessage<?>> events) throws SQLException {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("events are appended only inside a transaction");
        }
        Instant earliest = events.stream().map(EventMessage::getTimestamp).min(Instant::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("an append without events"));
        Deadline deadline = currentDeadline();
        if (deadline == null) {
            deadline = new Deadline(earliest.plus(bound));
            TransactionSynchronizationManager.registerSynchronization(deadline);
        } else {
            deadline.includeEventsFrom(earliest, bound);
        }
        deadline.check("before its events were stored");
        if (postgres) {
            boundAtTheDatabase(connection, deadline.remaining());
        }
    }

    private static Deadline currentDeadline() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Deadline deadline) {
                return deadline;
            }
        }
        return null;
    }

    /**
     * The rest of the bound as this transaction's own limits: a statement, a lock wait or an idle
     * moment between statements that would outlast it is ended by PostgreSQL itself, which then aborts
     * the transaction. Set again by a second append in the same transaction, with what is left then.
     */
    private static void boundAtTheDatabase(Connection connection, Duration remaining) throws SQLException {
        String millis = Long.toString(Math.max(1, remaining.toMillis()));
        try (PreparedStatement set = connection.prepareStatement(
                "SELECT set_config('statement_timeout', ?, true), set_config('lock_timeout', ?, true), "
                        + "set_config('idle_in_transaction_session_timeout', ?, true)")) {
            set.setString(1, millis);
            set.setString(2, millis);
            set.setString(3, millis);
            set.executeQuery().close();
        }
    }

    /**
     * SQL states with which the database ends a statement or transaction at one of the bounds above:
     * PostgreSQL's lock timeout, statement timeout (also H2's cancelled statement) and idle-in-transaction
     * timeout, and H2's lock timeout.
     */
    private static final java.util.Set<String> ENDED_AT_A_BOUND = java.util.Set.of("55P03", "57014", "25P03", "HYT00");

    /**
     * Whether {@code failure} is the database ending an appending transaction at its bound: nothing
     * was stored, and it is answered like {@link AppendTooSlow} (503), not as an unexpected failure.
     */
    public static boolean endedAtItsBound(Throwable failure) {
        return org.axonframework.common.ExceptionUtils.findException(failure, cause -> {
            for (Throwable each = cause; each instanceof SQLException sql; each = sql.getNextException()) {
                // Set.of refuses to look up null, and many drivers leave the state out.
                if (sql.getSQLState() != null && ENDED_AT_A_BOUND.contains(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        }).isPresent();
    }

    /** Whether the database is PostgreSQL; for H2, that its lock waits end within the bound. */
    private static boolean checkDatabase(DataSource dataSource, Duration bound) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if ("PostgreSQL".equals(product)) {
                return true;
            }
            if (!"H2".equals(product)) {
                throw new IllegalStateException("appends are bounded on PostgreSQL and H2 only, not on " + product);
            }
            try (Statement statement = connection.createStatement();
                 ResultSet lockTimeout = statement.executeQuery("SELECT LOCK_TIMEOUT()")) {
                lockTimeout.next();
                long millis = lockTimeout.getLong(1);
                if (millis > bound.toMillis()) {
                    throw new IllegalStateException("H2 waits up to " + millis + " ms for a lock, longer than the append bound "
                            + bound + "; lower LOCK_TIMEOUT in the database URL or raise wederkerig.event-store.append-bound");
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to check how appends are bounded", e);
        }
    }

    /** The moment by which the appending transaction must have committed; checked just before it does. */
    private static final class Deadline implements TransactionSynchronization {

        private Instant at;

        Deadline(Instant at) {
            this.at = at;
        }

        /** Only ever earlier: the bound counts from the transaction's oldest event. */
        void includeEventsFrom(Instant earliest, Duration bound) {
            Instant candidate = earliest.plus(bound);
            if (candidate.isBefore(at)) {
                at = candidate;
            }
        }

        Duration remaining() {
            return Duration.between(now(), at);
        }

        void check(String when) {
            Instant now = now();
            if (now.isAfter(at)) {
                throw new AppendTooSlow("an append was " + Duration.between(at, now).toMillis()
                        + " ms past its bound " + when + "; rolled back so that no read model passes it by");
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            check("at its commit");
        }

        /** Axon's own clock: the one that stamps events and that its gap timeout is measured with. */
        private static Instant now() {
            return GenericEventMessage.clock.instant();
        }
    }
}
