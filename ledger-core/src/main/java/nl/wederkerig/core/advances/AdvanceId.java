package nl.wederkerig.core.advances;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import nl.wederkerig.core.shared.CommandId;

/** The id of one advance, chosen by the client that makes it (so a retry cannot make it twice). */
public record AdvanceId(String value) {

    @JsonCreator
    public AdvanceId {
        // Same shape as every other id; reuse the one check.
        CommandId.of(value);
    }

    public static AdvanceId of(String value) {
        return new AdvanceId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon names the aggregate by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
