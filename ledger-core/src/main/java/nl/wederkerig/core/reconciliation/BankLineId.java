package nl.wederkerig.core.reconciliation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * A bank line's identity within its account: the bank's entry reference ({@code AcctSvcrRef}, the
 * MT940 reference after {@code //}, Rabobank's {@code Volgnr}) or, where the format has none, the
 * content hash {@code h-<32 hex>} the statements module documents. Bank references are
 * bank-generated numbers, not personal data. Safe to store and show.
 */
public record BankLineId(String value) {

    public static final int MAX_LENGTH_CHARS = 80;

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/+-]{0," + (MAX_LENGTH_CHARS - 1) + "}");

    @JsonCreator
    public BankLineId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a bank line id is 1 to " + MAX_LENGTH_CHARS + " letters, digits or . _ : / + -");
        }
    }

    public static BankLineId of(String value) {
        return new BankLineId(value);
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
