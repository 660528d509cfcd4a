package nl.wederkerig.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One errand with entrusted cash; chosen by the client that starts it, so a retry cannot start it twice. Shared because an errand's overspend becomes an advance linked back to it. */
public record ErrandId(String value) {

    @JsonCreator
    public ErrandId {
        TypedId.require(value, "errand id");
    }

    public static ErrandId of(String value) {
        return new ErrandId(value);
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
