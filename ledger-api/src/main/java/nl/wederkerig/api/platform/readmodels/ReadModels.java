package nl.wederkerig.api.platform.readmodels;

import nl.wederkerig.api.platform.eventstore.EventsWithTheirIndex;
import nl.wederkerig.projections.ReadModelCatalog;
import nl.wederkerig.projections.readmodels.Difference;
import nl.wederkerig.projections.readmodels.EventPosition;
import nl.wederkerig.projections.readmodels.ReadModel;
import nl.wederkerig.projections.readmodels.TableComparison;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Rebuilds every read model from the first event, and checks the live read models against a fresh
 * rebuild made beside them. Projections can be rebuilt at any time and must give the same result;
 * this is where that promise is kept and verified.
 *
 * <p>A rebuild never touches the live tables until it is complete: it replays every event into a
 * private copy of the read-model tables ({@link ShadowSchema}) while the live ones go on serving, and
 * only when that replay reached the head of the store without a fault does it put the copy in place:
 * the processors stopped, then in one transaction every live table made equal to the copy (only the
 * rows that differ written) and
 * every processor's token set to the event the copy reached; the processors then go on from there. A
 * reader sees the old read models or the new ones, never an empty or half-built one, and a rebuild
 * that fails (a handler refuses an event, an event is missing, the process dies) leaves the old ones.
 */
@Component
public class ReadModels {

    /** How long a check may wait for a processor to reach the head of the store. */
    static final Duration MAX_CATCH_UP = Duration.ofHours(2);

    private static final long PROGRESS_EVERY_MILLIS = 1_000;

    /**
     * A processor that has not moved for this long is reported (its name, where it stands, its last
     * error) instead of waited for: a rebuild or check must never look hung.
     */
    static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    /**
     * How long a replay waits for the store to hand over the next event up to the head before it calls
     * the replay incomplete. The store reads on past a gap in the global index (a rolled-back append,
     * or a row deleted by hand) by itself; this only bounds a store that stops answering.
     */
    static final Duration NEXT_EVENT_WAIT = Duration.ofSeconds(30);

    /**
     * How long putting a rebuild in place waits for token claims another process holds: longer than
     * Axon's claim timeout (10 s), after which a claim its owner stopped renewing may be taken over.
     * A claim still renewed then belongs to a running instance, and the rebuild stops and says so.
     * {@code wederkerig.rebuild.claim-wait} sets another (a test of that refusal need not wait 30 s).
     */
    static final Duration CLAIM_WAIT = Duration.ofSeconds(30);

    /**
     * Events per unit of work in a replay: ten times a live processor's batch (application.yml:
     * batch-size). Nobody waits on the copy's rows, so a larger batch only means fewer commits and
     * larger JDBC batches of the queued writes (a few MiB of queued rows at most).
     */
    static final int REPLAY_BATCH = 2_000;

    /** The swap may write whole tables (millions of rows in a big book, when the read models' code changed): far beyond the default transaction timeout. */
    static final int SWAP_TIMEOUT_SECONDS = 3_600;

    private final EventStore eventStore;
    private final EventsWithTheirIndex indexedEvents;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate live;
    private final TransactionTemplate swapTransaction;
    private final Duration stallLimit;
    private final Duration claimWait;
    private final Steps steps;

    /** Points in a rebuild where a test can make it fail, to see that a failure anywhere leaves the live read models as they were. */
    interface Steps {
        Steps NONE = new Steps() {
        };

        /** After {@code events} events were replayed into the copy. */
        default void replayed(long events) {
        }

        /** After the processors were stopped, before the swap claims their tokens. */
        default void processorsStopped() {
        }

        /** After a live table's rows were replaced by the copy's, inside the swap's transaction. */
        default void copied(String table) {
        }

        /** After every table and token was written, as the swap's transaction is about to commit. */
        default void swapped() {
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    public ReadModels(EventStore eventStore, EventsWithTheirIndex indexedEvents, EventProcessingConfiguration processing,
                      JdbcTemplate live, PlatformTransactionManager transactions,
                      @org.springframework.beans.factory.annotation.Value("${wederkerig.rebuild.claim-wait:30s}") Duration claimWait) {
        this(eventStore, indexedEvents, processing, live, transactions, STALL_LIMIT, claimWait, Steps.NONE);
    }

    ReadModels(EventStore eventStore, EventsWithTheirIndex indexedEvents, EventProcessingConfiguration processing,
               JdbcTemplate live, PlatformTransactionManager transactions, Duration stallLimit, Steps steps) {
        this(eventStore, indexedEvents, processing, live, transactions, stallLimit, CLAIM_WAIT, steps);
    }

    ReadModels(EventStore eventStore, EventsWithTheirIndex indexedEvents, EventProcessingConfiguration processing,
               JdbcTemplate live, PlatformTransactionManager transactions, Duration stallLimit, Duration claimWait, Steps steps) {
        if (claimWait.isNegative()) {
            throw new IllegalArgumentException("wederkerig.rebuild.claim-wait must not be negative, not " + claimWait);
        }
        this.stallLimit = stallLimit;
        this.claimWait = claimWait;
        this.eventStore = eventStore;
        this.indexedEvents = indexedEvents;
        this.processing = processing;
        this.live = live;
        this.swapTransaction = new TransactionTemplate(transactions);
        this.swapTransaction.setTimeout(SWAP_TIMEOUT_SECONDS);
        this.steps = steps;
    }

    /**
     * Replays all events into a copy of every read model beside the live ones, and puts the copy in
     * place only once it is complete (see the class comment).
     *
     * @throws EventsMissing when an aggregate's stream misses an event; nothing is changed
     */
    public void rebuild(Consumer<String> progress) {
        long head = headPosition();
        progress.accept("rebuilding every read model beside the live ones, from the first event up to " + head);
        try (ShadowSchema shadow = ShadowSchema.create(live.getDataSource())) {
            Replayed replayed = replayInto(shadow.jdbc(), head, progress, shadow::commit);
            progress.accept("replayed " + replayed.events() + " events; putting the rebuilt read models in place");
            swapIn(replayed.reached(), progress);
        }
        for (ReadModel model : ReadModelCatalog.all()) {
            progress.accept(model.name() + ": rebuilt");
        }
    }

    /**
     * Replays the events into fresh, private copies of every read model and compares them with the
     * live ones, once these have caught up to the same event.
     */
    public List<Difference> check(Consumer<String> progress) {
        long head = headPosition();
        for (ReadModel model : ReadModelCatalog.all()) {
            awaitPosition(model, processor(model), head, progress);
        }
        JdbcTemplate fresh = freshDatabase();
        Replayed replayed = replayInto(fresh, head, progress, () -> { });
        progress.accept("replayed " + replayed.events() + " events into a fresh copy; comparing");
        List<Difference> differences = new ArrayList<>();
        for (ReadModel model : ReadModelCatalog.all()) {
            for (ReadModel.Table table : model.tables()) {
                differences.addAll(TableComparison.compare(live, fresh, table));
            }
        }
        progress.accept(differences.isEmpty() ? "no differences" : differences.size() + " differences");
        return differences;
    }

    // --- The replay: every event up to the head, in the store's order, into a copy ---

    /** How far a replay got: the number of events and the token of the last one (null: the store is empty). */
    record Replayed(long events, TrackingToken reached) {
    }

    /** A read model's handlers over the copy, with the name a failure is reported under. */
    private record Handlers(String readModel, AnnotationEventHandlerAdapter adapter) {
    }

    /**
     * Hands every event up to {@code head} to every read model over {@code target}, and only those.
     * Fails, naming the event, when a handler refuses one, when a stream misses one
     * ({@link EventsMissing}), or when the store stops handing them over before the head.
     *
     * <p>Events go in batches of {@link #REPLAY_BATCH}, each in a unit of work as a processor's batch
     * is, so the projections' queued writes ({@code QueuedWrites}, the journal's) go out as JDBC
     * batches when it commits, and the same code writes the rows as in the live processors.
     *
     * @param commit run after every batch
     */
    private Replayed replayInto(JdbcTemplate target, long head, Consumer<String> progress, Runnable commit) {
        List<Handlers> handlers = handlersOver(target);
        StreamContinuity continuity = new StreamContinuity();
        Replayed replayed = new Replayed(0, null);
        long lastReport = System.nanoTime();
        try (BlockingStream<TrackedEventMessage<?>> stream = indexedEvents.openStream(null)) {
            while (position(replayed.reached()) < head) {
                replayed = replayBatch(stream, replayed, head, handlers, continuity);
                commit.run();
                if (System.nanoTime() - lastReport >= PROGRESS_EVERY_MILLIS * 1_000_000) {
                    progress.accept("replaying: at event " + position(replayed.reached()) + " of " + head);
                    lastReport = System.nanoTime();
                }
            }
        }
        return replayed;
    }

    /** Up to {@link #REPLAY_BATCH} events in one unit of work; stops early at the head. */
    private Replayed replayBatch(BlockingStream<TrackedEventMessage<?>> stream, Replayed before, long head,
                                 List<Handlers> handlers, StreamContinuity continuity) {
        long events = before.events();
        TrackingToken reached = before.reached();
        TrackedEventMessage<?> first = nextEvent(stream, events, head);
        if (position(first.trackingToken()) > head) {
            // The event at the head is stored, so the store hands it over before any later one.
            throw new IllegalStateException("the event store handed over event " + position(first.trackingToken())
                    + " before the head (" + head + ") was reached; nothing was changed");
        }
        DefaultUnitOfWork<TrackedEventMessage<?>> batch = DefaultUnitOfWork.startAndGet(first);
        try {
            TrackedEventMessage<?> event = first;
            while (true) {
                continuity.follow(event, EventPosition.of(event));
                handle(handlers, event);
                reached = event.trackingToken();
                events++;
                steps.replayed(events);
                if (events - before.events() >= REPLAY_BATCH || position(reached) >= head
                        || !stream.peek().map(next -> position(next.trackingToken()) <= head).orElse(false)) {
                    break;
                }
                event = stream.nextAvailable();
            }
            batch.commit();
            return new Replayed(events, reached);
        } catch (RuntimeException | InterruptedException failed) {
            if (batch.isActive()) {
                batch.rollback(failed);
            }
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw failed instanceof RuntimeException runtime ? runtime : new IllegalStateException("interrupted while replaying", failed);
        }
    }

    private static List<Handlers> handlersOver(JdbcTemplate target) {
        List<Handlers> handlers = new ArrayList<>();
        for (ReadModel model : ReadModelCatalog.all()) {
            handlers.add(new Handlers(model.name(), new AnnotationEventHandlerAdapter(model.factory().apply(target))));
        }
        return handlers;
    }

    private static TrackedEventMessage<?> nextEvent(BlockingStream<TrackedEventMessage<?>> stream, long replayed, long head) {
        try {
            if (!stream.hasNextAvailable((int) NEXT_EVENT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the event store handed over no further event for " + NEXT_EVENT_WAIT.toSeconds()
                        + " s after " + replayed + " events, before the head (" + head + "); nothing was changed");
            }
            return stream.nextAvailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
    }

    private static void handle(List<Handlers> handlers, TrackedEventMessage<?> event) {
        for (Handlers handler : handlers) {
            if (!handler.adapter().canHandle(event)) {
                continue;
            }
            try {
                handler.adapter().handle(event);
            } catch (Exception refused) {
                throw new IllegalStateException(handler.readModel() + " refused event " + EventPosition.of(event) + " ("
                        + event.getPayloadType().getSimpleName() + ") in the replay: " + refused.getMessage()
                        + ". Nothing was changed; the read models serve as before", refused);
            }
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(Long.MAX_VALUE);
    }

    // --- The swap: the copy in place of the live tables, and the tokens with it, in one transaction ---

    /** Stops every read model's processor, swaps the copy in, and starts again those that were running. */
    private void swapIn(TrackingToken reached, Consumer<String> progress) {
        List<TrackingEventProcessor> running = new ArrayList<>();
        for (TrackingEventProcessor processor : processors()) {
            if (processor.isRunning()) {
                running.add(processor);
            }
            processor.shutDown(); // releases its claims, so the swap can take them
        }
        try {
            steps.processorsStopped();
            swapWhenClaimed(reached, progress);
        } finally {
            running.forEach(TrackingEventProcessor::start);
        }
    }

    /**
     * Runs the swap's transaction, again while another process holds a claim (a process killed a
     * moment ago: its claims expire), for at most {@link #claimWait} ({@link #CLAIM_WAIT} unless set).
     */
    private void swapWhenClaimed(TrackingToken reached, Consumer<String> progress) {
        long deadline = System.nanoTime() + claimWait.toNanos();
        while (true) {
            try {
                swapTransaction.executeWithoutResult(status -> swap(reached));
                return;
            } catch (UnableToClaimTokenException held) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(held.getMessage() + " for more than " + claimWait.toSeconds()
                            + " s: another instance of the application is running on this database. Stop every instance"
                            + " and run the rebuild again; nothing was changed", held);
                }
                progress.accept("waiting for a claim another process holds: " + held.getMessage());
                pause(Duration.ofSeconds(1));
            }
        }
    }

    /** In the swap's transaction: no processor elsewhere may write while the tables are replaced, so every token is claimed first. */
    private void swap(TrackingToken reached) {
        List<String> names = processors().stream().map(TrackingEventProcessor::getName).toList();
        for (String name : names) {
            claimEverySegment(name);
        }
        replaceLiveTables();
        forgetParkedEvents();
        for (String name : names) {
            storeAndRelease(name, reached);
        }
        steps.swapped();
    }

    private void claimEverySegment(String processorName) {
        TokenStore tokens = processing.tokenStore(processorName);
        for (int segment : tokens.fetchSegments(processorName)) {
            tokens.fetchToken(processorName, segment);
        }
    }

    /** Each segment stands at the replay's last event; a processor without a token yet gets one there. */
    private void storeAndRelease(String processorName, TrackingToken reached) {
        TokenStore tokens = processing.tokenStore(processorName);
        int[] segments = tokens.fetchSegments(processorName);
        if (segments.length == 0) {
            tokens.initializeTokenSegments(processorName, 1, reached);
            return;
        }
        for (int segment : segments) {
            tokens.storeToken(reached, processorName, segment);
            tokens.releaseClaim(processorName, segment);
        }
    }

    /**
     * Makes every live table hold exactly the copy's rows, writing only the rows that differ: rows
     * whose key the copy lacks are deleted in the catalog's order (a read model lists a table that
     * refers to another before it), then rows that are new or changed are written in the reverse order.
     * After a rebuild of healthy read models almost nothing differs, so this reads both tables once
     * instead of deleting and inserting every row with its indexes (83 s at 50,000 events). Still in
     * the swap's one transaction; H2 commits any DDL at once, so renaming tables could not be.
     */
    private void replaceLiveTables() {
        List<ReadModel.Table> tables = ReadModelCatalog.all().stream().flatMap(model -> model.tables().stream()).toList();
        boolean postgres = isPostgres();
        for (ReadModel.Table table : tables) {
            List<String> key = primaryKeyOf(table);
            live.update(key.isEmpty() ? "DELETE FROM " + table.name() : TableSync.deleteMissing(table.name(), key));
        }
        for (ReadModel.Table table : reversed(tables)) {
            List<String> columns = columnsOf(table);
            List<String> key = primaryKeyOf(table);
            if (key.isEmpty() || isEmpty(table)) {
                // No key to match rows on (emptied above), or nothing to match: copied whole, without a lookup per row.
                live.update(TableSync.copyAll(table.name(), columns));
            } else {
                live.update(postgres ? TableSync.upsertChangedPostgres(table.name(), columns, key)
                        : TableSync.mergeChangedH2(table.name(), columns, key));
            }
            steps.copied(table.name());
        }
    }

    private boolean isEmpty(ReadModel.Table table) {
        return live.queryForList("SELECT 1 FROM " + table.name() + " FETCH FIRST 1 ROWS ONLY", Integer.class).isEmpty();
    }

    private boolean isPostgres() {
        return Boolean.TRUE.equals(live.execute((java.sql.Connection connection) ->
                connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
    }

    /** The live table's primary-key columns in key order; empty if it has none. */
    private List<String> primaryKeyOf(ReadModel.Table table) {
        return live.execute((java.sql.Connection connection) -> {
            java.sql.DatabaseMetaData meta = connection.getMetaData();
            String name = meta.storesUpperCaseIdentifiers() ? table.name().toUpperCase(java.util.Locale.ROOT) : table.name();
            java.util.SortedMap<Short, String> key = new java.util.TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), name)) {
                while (rs.next()) {
                    key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            return List.copyOf(key.values());
        });
    }

    /**
     * The rebuilt read models handled every event, the ones parked before included (a refused event
     * stops the replay before the swap), so what the dead-letter queues hold is settled: left there, a
     * retry would apply those events a second time. The processors are stopped, so their caches of
     * parked sequences went with their segments and are read afresh when they start.
     */
    private void forgetParkedEvents() {
        String table = nl.wederkerig.api.platform.axon.ParkedEventsConfiguration.deadLetterSchema().deadLetterTable();
        for (ReadModel model : ReadModelCatalog.all()) {
            live.update("DELETE FROM " + table + " WHERE processing_group = ?", model.processingGroup());
        }
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> reversed = new ArrayList<>(items);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** The live table's columns, named: the copy has the same ones, made by the same migrations. */
    private List<String> columnsOf(ReadModel.Table table) {
        return live.query("SELECT * FROM " + table.name() + " WHERE 1 = 0", (ResultSet rs) -> {
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
            }
            return columns;
        });
    }

    // --- The live processors ---

    private long headPosition() {
        var head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Every read model's processor, once (read models may share one). */
    private List<TrackingEventProcessor> processors() {
        return ReadModelCatalog.all().stream().map(ReadModel::processingGroup).distinct()
                .map(this::processor).toList();
    }

    private TrackingEventProcessor processor(ReadModel model) {
        return processor(model.processingGroup());
    }

    private TrackingEventProcessor processor(String processingGroup) {
        return processing.eventProcessor(processingGroup, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor for " + processingGroup));
    }

    private void awaitPosition(ReadModel model, TrackingEventProcessor processor, long head, Consumer<String> progress) {
        long deadline = System.nanoTime() + MAX_CATCH_UP.toNanos();
        long lastReport = 0;
        long reached = lowestPosition(processor);
        long movedAt = System.nanoTime();
        while (reached < head) {
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException(model.name() + " did not reach event " + head + " in " + MAX_CATCH_UP);
            }
            if (now - movedAt > stallLimit.toNanos()) {
                throw new ProcessorStalled(model.name(), Math.max(-1, reached), head, stallLimit, lastError(processor));
            }
            if (now / 1_000_000 - lastReport >= PROGRESS_EVERY_MILLIS) {
                progress.accept(model.name() + ": at event " + Math.max(0, reached) + " of " + head);
                lastReport = now / 1_000_000;
            }
            pause(Duration.ofMillis(20));
            long position = lowestPosition(processor);
            if (position > reached) {
                reached = position;
                movedAt = System.nanoTime();
            }
        }
    }

    /** The error a segment of the processor is retrying after, if any: what a person needs to find the cause. */
    private static String lastError(TrackingEventProcessor processor) {
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            if (status.isErrorState() && status.getError() != null) {
                return status.getError().toString();
            }
        }
        return processor.isRunning() ? "no error; it is running but does not move" : "it is not running";
    }

    /** The position every segment has reached; -1 while any segment has not started. */
    private static long lowestPosition(TrackingEventProcessor processor) {
        var statuses = processor.processingStatus().values();
        if (statuses.isEmpty()) {
            return -1;
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : statuses) {
            lowest = Math.min(lowest, status.getCurrentPosition().orElse(-1));
        }
        return lowest;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a read model", e);
        }
    }

    private static JdbcTemplate freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:rebuild-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/projections").load().migrate();
        return new JdbcTemplate(dataSource);
    }
}
