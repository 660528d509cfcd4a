package nl.wederkerig.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An initiative (e.g. shared meals, neighbour help, a money club) inside a community; also the id of its fund. */
public record InitiativeId(String value) {

    @JsonCreator
    public InitiativeId {
        TypedId.require(value, "initiative id");
    }

    public static InitiativeId of(String value) {
        return new InitiativeId(value);
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
