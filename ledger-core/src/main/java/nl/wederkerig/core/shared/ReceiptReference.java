package nl.wederkerig.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * An opaque reference to a receipt (bon) kept outside the ledger, e.g. a scan's storage key or the
 * number printed on the receipt. Deliberately not free text: a strict shape leaves no room for a
 * name or a note about a person.
 */
public record ReceiptReference(String value) {

    /** Longest reference in characters: room for a storage key or a till's receipt number. */
    public static final int MAX_LENGTH_CHARS = 40;

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,39}");

    @JsonCreator
    public ReceiptReference {
        if (value == null || value.length() > MAX_LENGTH_CHARS || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("receipt reference must be 1 to " + MAX_LENGTH_CHARS
                    + " letters, digits or . _ / - (starting with a letter or digit)");
        }
    }

    public static ReceiptReference of(String value) {
        return new ReceiptReference(value);
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
