package nl.wederkerig.core.claims;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import nl.wederkerig.core.shared.CommandId;

/** One expense claim (declaratie), chosen by the client that submits it (so a retry cannot submit it twice). */
public record ClaimId(String value) {

    @JsonCreator
    public ClaimId {
        // Same shape as every other id; reuse the one check.
        CommandId.of(value);
    }

    public static ClaimId of(String value) {
        return new ClaimId(value);
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
