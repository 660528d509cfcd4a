package nl.wederkerig.statements;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference the app asks people to put in every payment it requests ({@code WDK-<id>}: a claim
 * id for a claim's payment, a contribution's command id for a contribution), found back in a bank
 * line's description. Banks may upper-case descriptions; ids are lower case, so the match ignores
 * case and returns the id lower case. A reference wrapped across MT940 lines is joined back, since
 * {@code :86:} continuation lines are joined without a separator.
 */
public final class PaymentReferences {

    public static final String PREFIX = "WDK-";

    // The id shape of the ledger (lower-case letters, digits, inner hyphens, 1-64), case-insensitive here.
    private static final Pattern REFERENCE = Pattern.compile("(?i)(?<![A-Za-z0-9])WDK-([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)(?![A-Za-z0-9])");

    private PaymentReferences() {
    }

    /** The text to put in a payment's description for the record with {@code id}. */
    public static String forId(String id) {
        return PREFIX + id;
    }

    /** The first {@code WDK-} reference in {@code text}, as the id it names (lower case). */
    public static Optional<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = REFERENCE.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
