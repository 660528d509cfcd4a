package nl.wederkerig.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A partner of the community: a care organisation, the municipality, a fund, a housing corporation. */
public record PartnerId(String value) {

    @JsonCreator
    public PartnerId {
        TypedId.require(value, "partner id");
    }

    public static PartnerId of(String value) {
        return new PartnerId(value);
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
