package nl.wederkerig.projections.readmodels;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statements a projection queues while a processor batch runs, sent as one JDBC batch per
 * statement when the batch's unit of work commits, in the same transaction as the processor's
 * token. One statement per event cost most of a replay (a round trip and the statement's set-up
 * each); a batch of 200 events then needs a handful of round trips.
 *
 * <p>Only for writes no handler of the same batch reads back (they are not in the table until the
 * commit), e.g. dated movement rows. A write may state how many rows it must change: a different
 * count fails the commit, the transaction rolls back with the token, and the processor retries
 * the batch, as it does for a failing handler. Without a unit of work (a rebuild beside the live
 * model, unit tests) each write runs at once.
 */
public final class QueuedWrites {

    /** Any number of rows is fine. */
    public static final int ANY_ROWS = -1;

    private final JdbcTemplate jdbc;
    private final String resourceKey;

    /** @param owner the projection; its queue is its own within a unit of work */
    public QueuedWrites(JdbcTemplate jdbc, Object owner) {
        this.jdbc = jdbc;
        this.resourceKey = QueuedWrites.class.getName() + "@" + owner.getClass().getName() + "@" + System.identityHashCode(owner);
    }

    /** Runs {@code sql} with {@code arguments} now or as the unit of work commits; it must change {@code expectedRows}. */
    public void write(String sql, int expectedRows, Object... arguments) {
        if (!CurrentUnitOfWork.isStarted()) {
            check(sql, expectedRows, jdbc.update(sql, arguments));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<String, Queued> queue = unitOfWork.getOrComputeResource(resourceKey, key -> {
            Map<String, Queued> statements = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(committing -> flush(statements));
            return statements;
        });
        queue.computeIfAbsent(sql, key -> new Queued(expectedRows)).rows.add(arguments);
    }

    /** In the order each statement was first queued. */
    private void flush(Map<String, Queued> statements) {
        statements.forEach((sql, queued) -> {
            int[] counts = jdbc.batchUpdate(sql, queued.rows);
            for (int count : counts) {
                check(sql, queued.expectedRows, count);
            }
        });
        statements.clear();
    }

    private static void check(String sql, int expectedRows, int rows) {
        if (expectedRows != ANY_ROWS && rows != expectedRows) {
            throw new IllegalStateException("read model out of step: " + rows + " rows instead of " + expectedRows
                    + " for " + sql.strip().lines().findFirst().orElse(sql));
        }
    }

    private static final class Queued {
        private final int expectedRows;
        private final List<Object[]> rows = new ArrayList<>();

        private Queued(int expectedRows) {
            this.expectedRows = expectedRows;
        }
    }
}
