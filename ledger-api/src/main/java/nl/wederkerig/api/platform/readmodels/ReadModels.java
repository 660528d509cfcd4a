package nl.wederkerig.api.platform.readmodels;

import nl.wederkerig.api.platform.eventstore.EventsWithTheirIndex;
import nl.wederkerig.projections.ReadModelCatalog;
import nl.wederkerig.projections.readmodels.Difference;
import nl.wederkerig.projections.readmodels.ReadModel;
import nl.wederkerig.projections.readmodels.TableComparison;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Rebuilds every read model from the first event, and checks the live read models against a fresh
 * rebuild made beside them. Projections can be rebuilt at any time and must give the same result;
 * this is where that promise is kept and verified.
 */
@Component
public class ReadModels {

    /** How long a rebuild or check may wait for a processor to reach the head of the store. */
    static final Duration MAX_CATCH_UP = Duration.ofHours(2);

    private static final long PROGRESS_EVERY_MILLIS = 1_000;

    /**
     * A processor that has not moved for this long is reported (its name, where it stands, its last
     * error) instead of waited for: a rebuild or check must never look hung.
     */
    static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    private final EventStore eventStore;
    private final EventsWithTheirIndex indexedEvents;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate live;
    private final Duration stallLimit;

    @org.springframework.beans.factory.annotation.Autowired
    public ReadModels(EventStore eventStore, EventsWithTheirIndex indexedEvents, EventProcessingConfiguration processing,
                      JdbcTemplate live) {
        this(eventStore, indexedEvents, processing, live, STALL_LIMIT);
    }

    ReadModels(EventStore eventStore, EventsWithTheirIndex indexedEvents, EventProcessingConfiguration processing,
               JdbcTemplate live, Duration stallLimit) {
        this.stallLimit = stallLimit;
        this.eventStore = eventStore;
        this.indexedEvents = indexedEvents;
        this.processing = processing;
        this.live = live;
    }

    /** Empties each read model, replays all events into it, and waits until it is current. */
    public void rebuild(Consumer<String> progress) {
        long head = headPosition();
        for (ReadModel model : ReadModelCatalog.all()) {
            TrackingEventProcessor processor = processor(model);
            progress.accept(model.name() + ": rebuilding from the first event up to " + head);
            processor.shutDown();
            processor.resetTokens(); // calls the read model's @ResetHandler, which empties its tables
            processor.start();
            awaitPosition(model, processor, head, progress);
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
        long replayed = replayInto(fresh, head, progress);
        progress.accept("replayed " + replayed + " events into a fresh copy; comparing");
        List<Difference> differences = new ArrayList<>();
        for (ReadModel model : ReadModelCatalog.all()) {
            for (ReadModel.Table table : model.tables()) {
                differences.addAll(TableComparison.compare(live, fresh, table));
            }
        }
        progress.accept(differences.isEmpty() ? "no differences" : differences.size() + " differences");
        return differences;
    }

    private long replayInto(JdbcTemplate fresh, long head, Consumer<String> progress) {
        List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
        for (ReadModel model : ReadModelCatalog.all()) {
            handlers.add(new AnnotationEventHandlerAdapter(model.factory().apply(fresh)));
        }
        long count = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = indexedEvents.openStream(null)) {
            while (count <= head && stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (position(event) > head) {
                    break;
                }
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
                count++;
            }
        } catch (Exception e) {
            throw new IllegalStateException("replay into a fresh copy failed after " + count + " events", e);
        }
        return count;
    }

    private static long position(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElse(Long.MAX_VALUE);
    }

    private long headPosition() {
        var head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private TrackingEventProcessor processor(ReadModel model) {
        return processing.eventProcessor(model.processingGroup(), TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor for " + model.processingGroup()));
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
            sleepBriefly();
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

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
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
