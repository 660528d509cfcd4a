package nl.wederkerig.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A short, machine-readable code refining a closed reason (e.g. {@code budget-2026-spent}).
 * The same shape as an id, so it can carry no sentence about a person.
 */
public record ReasonCode(String value) {

    @JsonCreator
    public ReasonCode {
        TypedId.require(value, "reason code");
    }

    public static ReasonCode of(String value) {
        return new ReasonCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
