package nl.wederkerig.api.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.wederkerig.core.community.HourValuationMethod;
import nl.wederkerig.core.community.HourValuationSet;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@link HourValuationSet} as first stored (no revision, no method) to revision 2: the method is
 * {@link HourValuationMethod#UNSPECIFIED}, because nobody said it then. Stored events are never
 * rewritten; this runs each time one is read (Axon registers every upcaster bean in its chain).
 */
@Component
@Order(0)
public class HourValuationSetUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType FIRST_FORM = new SimpleSerializedType(HourValuationSet.class.getName(), null);
    static final SimpleSerializedType WITH_METHOD = new SimpleSerializedType(HourValuationSet.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation stored) {
        return stored.getType().equals(FIRST_FORM);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation stored) {
        return stored.upcastPayload(WITH_METHOD, JsonNode.class, payload -> {
            // A first-form payload that somehow names a method keeps it; otherwise it was never said.
            if (payload instanceof ObjectNode fields && !fields.has("method")) {
                fields.put("method", HourValuationMethod.UNSPECIFIED.name());
            }
            return payload;
        });
    }
}
