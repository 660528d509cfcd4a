package nl.wederkerig.statements;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What identifies a line within its account: the bank's own reference for the entry
 * ({@code AcctSvcrRef} in CAMT.053, the account servicing institution's reference after {@code //}
 * in an MT940 {@code :61:}, Rabobank's {@code Volgnr}), or, where the format has none, a content
 * hash {@code h-<32 hex>} (see {@link LineHashes}). Safe to store and show: letters, digits and
 * {@code . _ : / + -}, at most {@value #MAX_LENGTH_CHARS} characters; a bank reference outside
 * that shape is hashed too.
 */
public record EntryReference(String value, Kind kind) {

    public static final int MAX_LENGTH_CHARS = 80;

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/+-]{0," + (MAX_LENGTH_CHARS - 1) + "}");

    /** Where the reference comes from. */
    public enum Kind {
        /** The bank's own, unique per account. */
        BANK,
        /** A hash of the line's content and its position among identical lines. */
        CONTENT_HASH
    }

    public EntryReference {
        Objects.requireNonNull(kind, "kind");
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a safe entry reference");
        }
    }

    /** The bank's reference when it has the safe shape; {@code null} when there is none to use. */
    static EntryReference ofBank(String bankReference) {
        if (bankReference == null) {
            return null;
        }
        String trimmed = bankReference.trim();
        if (trimmed.isEmpty() || "NONREF".equalsIgnoreCase(trimmed) || !SHAPE.matcher(trimmed).matches()) {
            return null;
        }
        return new EntryReference(trimmed, Kind.BANK);
    }
}
