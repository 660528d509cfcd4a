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

    /** Hours with a comma or a point: "2", "1,5" (an hour and a half), "0,25" (a quarter of an hour). */
    private static final Pattern HOURS = Pattern.compile("\\d{1,2}([.,]\\d{1,2})?");

    private TypedInput() {
    }

    /**
     * Hours as whole minutes: "1,5" is 90. A figure that is no whole number of minutes ("1,33") is
     * refused rather than rounded: nobody should find other hours than they typed.
     */
    public static long minutes(String typed) {
        String plain = typed.strip();
        if (!HOURS.matcher(plain).matches()) {
            throw new IllegalArgumentException("not a number of hours");
        }
        try {
            return new java.math.BigDecimal(plain.replace(',', '.')).multiply(java.math.BigDecimal.valueOf(60)).longValueExact();
        } catch (ArithmeticException notWholeMinutes) {
            throw new IllegalArgumentException("not a whole number of minutes", notWholeMinutes);
        }
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
