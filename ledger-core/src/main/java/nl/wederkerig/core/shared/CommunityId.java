package nl.wederkerig.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A community (wijk): the unit that owns its own book. */
public record CommunityId(String value) {

    @JsonCreator
    public CommunityId {
        TypedId.require(value, "community id");
    }

    public static CommunityId of(String value) {
        return new CommunityId(value);
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
