package nl.wederkerig.core.shared;

import java.util.regex.Pattern;

/**
 * The one place that says what a valid id looks like. Ids are chosen by clients (so a retried
 * request carries the same id), are pseudonymous (never a name or e-mail address), and are short
 * enough to index and to show in a URL.
 */
final class TypedId {

    /** Longest id in characters: a UUID (36) fits with room for a readable prefix. */
    static final int MAX_LENGTH_CHARS = 64;

    // Lower-case letters, digits and inner hyphens only: safe in URLs, file names and journal account names.
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    private TypedId() {
    }

    static String require(String value, String kind) {
        if (value == null) {
            throw new IllegalArgumentException(kind + " is missing");
        }
        if (value.length() > MAX_LENGTH_CHARS || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " must be 1 to " + MAX_LENGTH_CHARS
                    + " lower-case letters, digits or inner hyphens");
        }
        return value;
    }
}
