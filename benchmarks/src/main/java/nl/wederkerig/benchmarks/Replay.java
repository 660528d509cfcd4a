package nl.wederkerig.benchmarks;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds read models from the whole event store, the way an operator would: stop each tracking
 * processor, reset its tokens, empty its tables, start it, and wait until it reaches the head.
 */
final class Replay {

    private static final long POLL_MILLIS = 5;
    /** Slower than this many events per second counts as stuck rather than slow. */
    private static final long SLOWEST_EVENTS_PER_SECOND = 500;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    Replay(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** Stops the processors, e.g. so generating a book does not compete with them for the CPU. */
    void stop(List<ReadModel> models) {
        models.forEach(model -> processor(model).shutDown());
    }

    /** @return events per second over the whole store */
    double rebuild(List<ReadModel> models) throws InterruptedException {
        stop(models);
        for (ReadModel model : models) {
            // Calls the read model's @ResetHandler, which empties its tables in the order their keys need.
            processor(model).resetTokens();
        }
        long events = storedEvents();
        long head = headIndex();
        long start = System.nanoTime();
        models.forEach(model -> processor(model).start());
        long deadline = start + TimeUnit.SECONDS.toNanos(10 + events / SLOWEST_EVENTS_PER_SECOND);
        for (ReadModel model : models) {
            awaitHead(processor(model), head, deadline);
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }

    long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private long headIndex() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
    }

    private static void awaitHead(TrackingEventProcessor processor, long head, long deadlineNanos) throws InterruptedException {
        while (!reached(processor, head)) {
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException("processor " + processor.getName() + " did not reach event " + head);
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
    }

    private static boolean reached(TrackingEventProcessor processor, long head) {
        var status = processor.processingStatus().values();
        return !status.isEmpty() && status.stream().allMatch(segment -> position(segment) >= head);
    }

    /**
     * Not {@code isReplaying()}: a replay token stays "replaying" until an event beyond the reset
     * position arrives, and in a quiet store none does.
     */
    private static long position(EventTrackerStatus segment) {
        return segment.getCurrentPosition().orElse(-1);
    }

    private TrackingEventProcessor processor(ReadModel model) {
        return processing.eventProcessorByProcessingGroup(model.processingGroup(), TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor for " + model.processingGroup()));
    }
}
