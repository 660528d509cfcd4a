package nl.wederkerig.core.reconciliation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * A pseudonym of a bank line's counterparty ({@code cp-<24 hex>}), a keyed hash the application
 * computes (statements' {@code CounterpartyKeys}): lines of the same payer share it, so matching
 * can learn from earlier matches, while the payer's account and name stay sealed.
 */
public record CounterpartyKey(String value) {

    private static final Pattern SHAPE = Pattern.compile("cp-[0-9a-f]{24}");

    @JsonCreator
    public CounterpartyKey {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a counterparty key is cp- and 24 hexadecimal digits");
        }
    }

    public static CounterpartyKey of(String value) {
        return new CounterpartyKey(value);
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
