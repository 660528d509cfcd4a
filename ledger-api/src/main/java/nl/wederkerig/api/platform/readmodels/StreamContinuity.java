package nl.wederkerig.api.platform.readmodels;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.HashMap;
import java.util.Map;

/**
 * Follows every aggregate's stream through a replay and refuses an event whose sequence number is
 * not the next one of its stream ({@link EventsMissing}). A gap in the global index is no such sign:
 * a rolled-back append leaves one for good, and the replay simply reads on. Costs one map entry per
 * aggregate (about 100 bytes; a book of a million events has some hundreds of thousands).
 */
final class StreamContinuity {

    private final Map<String, Long> nextSequence = new HashMap<>();

    /** @throws EventsMissing when {@code event} is not the next of its stream */
    void follow(TrackedEventMessage<?> event, long globalIndex) {
        if (!(event instanceof DomainEventMessage<?> domain)) {
            return;
        }
        long expected = nextSequence.getOrDefault(domain.getAggregateIdentifier(), 0L);
        if (domain.getSequenceNumber() > expected) {
            throw new EventsMissing(domain.getAggregateIdentifier(), expected, domain.getSequenceNumber(), globalIndex);
        }
        if (domain.getSequenceNumber() < expected) {
            // The store's unique key on (aggregate, sequence number) rules this out; a store that has it is not whole either.
            throw new IllegalStateException("the event store hands over event number " + domain.getSequenceNumber()
                    + " of stream " + domain.getAggregateIdentifier() + " after number " + (expected - 1)
                    + " (global index " + globalIndex + "). Run --wederkerig.verify");
        }
        nextSequence.put(domain.getAggregateIdentifier(), expected + 1);
    }
}
