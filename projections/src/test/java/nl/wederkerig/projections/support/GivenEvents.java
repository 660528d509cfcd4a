package nl.wederkerig.projections.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds events to a projection through Axon's own annotation dispatch, as a tracking processor
 * would: each event carries a tracking token with its position in the stream (0, 1, 2, ...), which
 * read models that order by recording (the journal) need.
 */
public final class GivenEvents {

    private final AnnotationEventHandlerAdapter adapter;
    private long position;
    /** The time stamp every event gets, as the store would give it; unset, the moment it is handed over. */
    private Instant recordedAt;

    private GivenEvents(Object projection) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
    }

    public static GivenEvents into(Object projection) {
        return new GivenEvents(projection);
    }

    /** Continues at a later position, e.g. after a restart that resumes from a stored token. */
    public GivenEvents atPosition(long next) {
        this.position = next;
        return this;
    }

    /** Every following event as stored at {@code at}, e.g. for a read model that shows when it was recorded. */
    public GivenEvents recordedAt(Instant at) {
        this.recordedAt = at;
        return this;
    }

    public GivenEvents given(Object... events) {
        for (Object event : events) {
            try {
                EventMessage<?> message = recordedAt == null ? GenericEventMessage.asEventMessage(event)
                        : new GenericEventMessage<>(UUID.randomUUID().toString(), event, Map.of(), recordedAt);
                adapter.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position++), message));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return this;
    }
}
