package nl.wederkerig.projections.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;

/**
 * Feeds events to a projection through Axon's own annotation dispatch, as a tracking processor
 * would: each event carries a tracking token with its position in the stream (0, 1, 2, ...), which
 * read models that order by recording (the journal) need.
 */
public final class GivenEvents {

    private final AnnotationEventHandlerAdapter adapter;
    private long position;

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

    public GivenEvents given(Object... events) {
        for (Object event : events) {
            try {
                adapter.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position++),
                        GenericEventMessage.asEventMessage(event)));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return this;
    }
}
