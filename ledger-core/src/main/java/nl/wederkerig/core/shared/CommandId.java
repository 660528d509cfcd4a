package nl.wederkerig.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id a client chose for one command, so that a retry of the same command changes nothing. */
public record CommandId(String value) {

    @JsonCreator
    public CommandId {
        TypedId.require(value, "command id");
    }

    public static CommandId of(String value) {
        return new CommandId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon routes commands and names aggregates by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
