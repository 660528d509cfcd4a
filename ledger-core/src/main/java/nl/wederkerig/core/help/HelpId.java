package nl.wederkerig.core.help;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import nl.wederkerig.core.shared.CommandId;

/** One record of help given, chosen by the client that records it (so a retry cannot record it twice). */
public record HelpId(String value) {

    @JsonCreator
    public HelpId {
        // Same shape as every other id; reuse the one check.
        CommandId.of(value);
    }

    public static HelpId of(String value) {
        return new HelpId(value);
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
