package nl.wederkerig.core.journal;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of a journal entry: {@code quantity} smallest units (cents, minutes) of {@code unit} on
 * {@code account}; positive is a debit, negative a credit (the hledger convention).
 */
public record Posting(String account, Unit unit, long quantity) {

    /** Longest account name in characters: five segments of a 64-character id still fit. */
    public static final int MAX_ACCOUNT_LENGTH_CHARS = 400;

    // Colon-separated segments of lower-case letters, digits and hyphens: valid hledger account names, no spaces.
    private static final Pattern ACCOUNT = Pattern.compile("[a-z][a-z-]*(:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");

    public Posting {
        Objects.requireNonNull(unit, "unit is missing");
        if (account == null || account.length() > MAX_ACCOUNT_LENGTH_CHARS || !ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("not a valid account name: " + account);
        }
    }

    public Posting negated() {
        return new Posting(account, unit, Math.negateExact(quantity));
    }

    /** The quantity as a decimal in the unit (e.g. cents 1250 as 12.50 EUR), exact. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(quantity, unit.decimals());
    }
}
