package nl.wederkerig.projections.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;

/** Feeds events to a projection through Axon's own annotation dispatch, as a processor would. */
public final class GivenEvents {

    private final AnnotationEventHandlerAdapter adapter;

    private GivenEvents(Object projection) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
    }

    public static GivenEvents into(Object projection) {
        return new GivenEvents(projection);
    }

    public GivenEvents given(Object... events) {
        for (Object event : events) {
            try {
                adapter.handle(GenericEventMessage.asEventMessage(event));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return this;
    }
}
