package nl.wederkerig.api.platform.eventstore;

import nl.wederkerig.projections.readmodels.EventPosition;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The event store as read models read it, with each event's own global index in its meta data
 * ({@link EventPosition}); the tracking processor of the journal reads through this.
 *
 * <p>The index follows from two consecutive tokens of one stream: the event that raises the highest
 * index is at the new highest index; one that does not filled a gap, and its index is the gap that
 * is no longer there. Only when the store dropped old gaps (after the gap timeout) at the same moment
 * can that be ambiguous; then the index is read from the store by the event's aggregate and sequence
 * number (a unique index).
 */
public final class EventsWithTheirIndex implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStore store;
    private final JdbcTemplate jdbc;

    public EventsWithTheirIndex(EventStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        return new Indexed(store.openStream(from), from);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /** The index of the event that moved a stream from {@code before} to {@code after}, if the two tokens tell it. */
    static Optional<Long> indexBetween(TrackingToken before, TrackingToken after) {
        if (!(after instanceof GapAwareTrackingToken next)) {
            return Optional.empty();
        }
        if (before == null) {
            return Optional.of(next.getIndex());
        }
        if (!(before instanceof GapAwareTrackingToken previous)) {
            return Optional.empty();
        }
        if (next.getIndex() > previous.getIndex()) {
            return Optional.of(next.getIndex());
        }
        SortedSet<Long> filled = new TreeSet<>(previous.getGaps());
        filled.removeAll(next.getGaps());
        return filled.size() == 1 ? Optional.of(filled.first()) : Optional.empty();
    }

    private long storedIndexOf(TrackedEventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domain)) {
            throw new IllegalStateException("every event of the ledger belongs to an aggregate: " + event.getPayloadType());
        }
        Long index = jdbc.queryForObject("""
                SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?""",
                Long.class, domain.getAggregateIdentifier(), domain.getSequenceNumber());
        if (index == null) {
            throw new IllegalStateException("an event that was read is not in the store: " + domain.getAggregateIdentifier());
        }
        return index;
    }

    private final class Indexed implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        /** The token before the next event: where the stream was opened, then the last event's token. */
        private TrackingToken last;
        /** The next event with its index, once peeked, so peek and nextAvailable agree. */
        private TrackedEventMessage<?> peeked;

        Indexed(BlockingStream<TrackedEventMessage<?>> events, TrackingToken from) {
            this.events = events;
            this.last = from;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (peeked == null) {
                peeked = events.peek().map(this::withIndex).orElse(null);
            }
            return Optional.ofNullable(peeked);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return peeked != null || events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> raw = events.nextAvailable();
            TrackedEventMessage<?> next = peeked != null ? peeked : withIndex(raw);
            peeked = null;
            last = raw.trackingToken();
            return next;
        }

        private TrackedEventMessage<?> withIndex(TrackedEventMessage<?> event) {
            if (event == null) {
                return null;
            }
            long index = indexBetween(last, event.trackingToken()).orElseGet(() -> storedIndexOf(event));
            return withMetaData(event, MetaData.with(EventPosition.META_DATA_KEY, index));
        }

        private static <T> TrackedEventMessage<T> withMetaData(TrackedEventMessage<T> event, MetaData added) {
            if (event instanceof DomainEventMessage<?> domain) {
                @SuppressWarnings("unchecked")
                DomainEventMessage<T> typed = (DomainEventMessage<T>) domain;
                return new GenericTrackedDomainEventMessage<>(event.trackingToken(), typed.andMetaData(added));
            }
            return new GenericTrackedEventMessage<>(event.trackingToken(), event.andMetaData(added));
        }

        @Override
        public void close() {
            events.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return events.setOnAvailableCallback(callback);
        }
    }
}
