package nl.wederkerig.api.platform.web.pages;

import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * What a person types into a form, read strictly: nothing is guessed. Parsers throw
 * {@link IllegalArgumentException}, which {@link FormErrors#read} turns into the field's message.
 */
public final class TypedInput {

    /**
     * Euros with a comma or a point before the cents ("12,50" and "12.50" are the same), at most two
     * decimals, no thousands separators (in "1.250" nobody can tell whether a point means cents or
     * thousands), no sign. A leading "€" is allowed because people type it.
     */
    private static final Pattern EUROS = Pattern.compile("\\d{1,7}([.,]\\d{1,2})?");

    /** What a browser without a date picker gets typed: "5-11-2026" or "05-11-2026", beside the ISO form. */
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private TypedInput() {
    }

    public static Money euros(String typed) {
        String plain = typed.strip();
        if (plain.startsWith("€")) {
            plain = plain.substring(1).strip();
        }
        if (!EUROS.matcher(plain).matches()) {
            throw new IllegalArgumentException("not an amount in euros");
        }
        return Money.eur(plain.replace(',', '.'));
    }

    public static LocalDate date(String typed) {
        String plain = typed.strip();
        try {
            return plain.length() == 10 && plain.charAt(4) == '-' ? LocalDate.parse(plain) : LocalDate.parse(plain, DUTCH_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date", e);
        }
    }
}
