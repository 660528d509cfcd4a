package nl.wederkerig.projections.readmodels;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
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

    /** Every queue of a unit of work, so that one event's writes can be taken back ({@link #mark()}). */
    private static final String ALL_QUEUES = QueuedWrites.class.getName() + "@all";

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
        Map<String, Queued> queue = unitOfWork.getResource(resourceKey);
        if (queue == null) {
            // Not inside getOrComputeResource: registering among all queues changes the same resource map.
            Map<String, Queued> statements = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(committing -> flush(statements));
            allQueues(unitOfWork).add(statements);
            unitOfWork.resources().put(resourceKey, statements);
            queue = statements;
        }
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

    /**
     * Where every queue of the current unit of work stands now, before one event is handled: if its
     * handler refuses the event, {@link Mark#undo()} takes back what it queued, so that a parked
     * event leaves no row behind (the database's own writes go back to a savepoint). Without a unit
     * of work nothing is queued, and the mark undoes nothing.
     */
    public static Mark mark() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Mark(List.of(), Map.of());
        }
        List<Map<String, Queued>> queues = allQueues(CurrentUnitOfWork.get().root());
        Map<Map<String, Queued>, Map<String, Integer>> sizes = new IdentityHashMap<>();
        for (Map<String, Queued> queue : queues) {
            Map<String, Integer> rows = new LinkedHashMap<>();
            queue.forEach((sql, queued) -> rows.put(sql, queued.rows.size()));
            sizes.put(queue, rows);
        }
        return new Mark(queues, sizes);
    }

    private static List<Map<String, Queued>> allQueues(UnitOfWork<?> root) {
        return root.getOrComputeResource(ALL_QUEUES, key -> new ArrayList<>());
    }

    /** The queues of a unit of work as they stood at one moment. */
    public static final class Mark {
        private final List<Map<String, Queued>> queues;
        private final Map<Map<String, Queued>, Map<String, Integer>> sizes;

        private Mark(List<Map<String, Queued>> queues, Map<Map<String, Queued>, Map<String, Integer>> sizes) {
            this.queues = queues;
            this.sizes = sizes;
        }

        /** Drops every statement queued since the mark; those queued before stay. */
        public void undo() {
            for (Map<String, Queued> queue : queues) {
                Map<String, Integer> before = sizes.getOrDefault(queue, Map.of());
                queue.entrySet().removeIf(entry -> !before.containsKey(entry.getKey()));
                queue.forEach((sql, queued) -> {
                    List<Object[]> rows = queued.rows;
                    rows.subList(before.get(sql), rows.size()).clear();
                });
            }
        }
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
