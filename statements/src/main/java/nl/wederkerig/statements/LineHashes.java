package nl.wederkerig.statements;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The documented identity of a line whose format gives no entry reference (ING CSV, ABN AMRO TXT,
 * Triodos CSV, most MT940 without {@code //}):
 *
 * <pre>h-&lt;first 32 hex digits of SHA-256 over account, booking date, value date, amount in cents,
 *        balance after in cents (or empty), counterparty account, counterparty name, description,
 *        occurrence&gt;</pre>
 *
 * fields separated by U+001F. {@code occurrence} counts identical lines within the statement (1,
 * 2, ...), so two equal coffees on one day stay two lines. The same line in an overlapping
 * download gets the same hash as long as both downloads hold all its identical twins, which they
 * do: exports cover whole days. 128 bits: no collision in any neighbourhood's lifetime.
 */
final class LineHashes {

    private LineHashes() {
    }

    static EntryReference of(String accountId, StatementLine withoutReference, int occurrence) {
        StringBuilder text = new StringBuilder(256);
        append(text, accountId);
        append(text, withoutReference.bookingDate().toString());
        append(text, withoutReference.valueDate().toString());
        append(text, Long.toString(withoutReference.amount().cents()));
        append(text, withoutReference.balanceAfter() == null ? "" : Long.toString(withoutReference.balanceAfter().cents()));
        append(text, withoutReference.counterpartyAccount());
        append(text, withoutReference.counterpartyName());
        append(text, withoutReference.description());
        text.append(occurrence);
        return new EntryReference("h-" + HexFormat.of().formatHex(sha256(text.toString()), 0, 16), EntryReference.Kind.CONTENT_HASH);
    }

    /** The content the hash covers, without the occurrence: lines equal here are twins. */
    static String twinKey(String accountId, StatementLine line) {
        StringBuilder text = new StringBuilder(256);
        append(text, accountId);
        append(text, line.bookingDate().toString());
        append(text, line.valueDate().toString());
        append(text, Long.toString(line.amount().cents()));
        append(text, line.balanceAfter() == null ? "" : Long.toString(line.balanceAfter().cents()));
        append(text, line.counterpartyAccount());
        append(text, line.counterpartyName());
        append(text, line.description());
        return text.toString();
    }

    private static void append(StringBuilder text, String field) {
        text.append(field == null ? "" : field).append('\u001f');
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
