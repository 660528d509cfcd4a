package nl.wederkerig.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A person in a community, whatever their roles (neighbour, treasurer, partner representative, coordinator). Pseudonymous: personal data lives elsewhere, encrypted, so it can be erased. */
public record MemberId(String value) {

    @JsonCreator
    public MemberId {
        TypedId.require(value, "member id");
    }

    public static MemberId of(String value) {
        return new MemberId(value);
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
