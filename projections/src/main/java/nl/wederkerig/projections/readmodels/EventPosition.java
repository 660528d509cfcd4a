package nl.wederkerig.projections.readmodels;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * An event's own position in the store (its global index), for read models that order by it.
 *
 * <p>Why not the tracking token's position: for an event that commits late and fills a gap, the
 * token's position is the highest index seen so far, not the event's own. The journal once wrote
 * such a late event under the key of a later one and stopped for good on the primary key (issue
 * "read models that never stall or skip"). The application's event source therefore hands each
 * event its own index as meta data ({@link #META_DATA_KEY}); a token that counts one by one
 * ({@link GlobalSequenceTrackingToken}, as in the projection tests) is exact by itself.
 */
public final class EventPosition {

    /** The meta data entry under which the application's event source passes an event's own global index. */
    public static final String META_DATA_KEY = "wederkerig.globalIndex";

    private EventPosition() {
    }

    public static long of(EventMessage<?> message) {
        Object passed = message.getMetaData().get(META_DATA_KEY);
        if (passed instanceof Number index) {
            return index.longValue();
        }
        if (message instanceof TrackedEventMessage<?> tracked
                && tracked.trackingToken() instanceof GlobalSequenceTrackingToken exact) {
            return exact.getGlobalIndex();
        }
        throw new IllegalStateException("the event " + message.getPayloadType().getSimpleName()
                + " came without its own position in the store; read it through the application's event source");
    }
}
