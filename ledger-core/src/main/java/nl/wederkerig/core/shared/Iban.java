package nl.wederkerig.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * An International Bank Account Number (ISO 13616), held in its electronic form: upper case, no
 * spaces ({@code NL91ABNA0417164300}). Construction checks the shape, the length for the
 * country (for the SEPA countries listed below) and the mod-97 check digits, so a typo in one
 * digit or two swapped digits never gets in.
 *
 * <p>Whether an IBAN is personal data depends on whose account it is: an initiative's own
 * account (the one a fund is linked to) is not, and is kept in clear; a neighbour's or a
 * counterparty's is, and is only ever stored sealed.
 */
public record Iban(String value) {

    /** Longest IBAN any country issues (ISO 13616). */
    public static final int MAX_LENGTH_CHARS = 34;
    /** Shortest IBAN any country issues (Norway). */
    public static final int MIN_LENGTH_CHARS = 15;

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

    /** Lengths of the SEPA countries' IBANs; other countries are checked by shape and checksum only. */
    private static final Map<String, Integer> LENGTH_BY_COUNTRY = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21),
            Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23),
            Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("MC", 27), Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28),
            Map.entry("PT", 25), Map.entry("RO", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("VA", 22));

    /** Only the electronic form; {@link #parse} accepts what people type (spaces, lower case). */
    @JsonCreator
    public Iban {
        if (!isValidElectronic(value)) {
            throw new InvalidIban();
        }
    }

    /** Reads an IBAN as people write it: spaces anywhere, any case ({@code nl91 abna 0417 1643 00}). */
    public static Iban parse(String text) {
        return new Iban(electronic(text));
    }

    /** Whether {@code text} (spaces and case as people write them) is a valid IBAN; never throws. */
    public static boolean isValid(String text) {
        return text != null && text.length() <= 2 * MAX_LENGTH_CHARS && isValidElectronic(electronic(text));
    }

    private static String electronic(String text) {
        if (text == null) {
            throw new InvalidIban();
        }
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length() && compact.length() <= MAX_LENGTH_CHARS; i++) {
            char c = text.charAt(i);
            if (c != ' ') {
                compact.append(Character.toUpperCase(c));
            }
        }
        return compact.toString();
    }

    private static boolean isValidElectronic(String value) {
        if (value == null || value.length() < MIN_LENGTH_CHARS || value.length() > MAX_LENGTH_CHARS
                || !SHAPE.matcher(value).matches()) {
            return false;
        }
        Integer expected = LENGTH_BY_COUNTRY.get(value.substring(0, 2));
        return (expected == null || expected == value.length()) && mod97(value) == 1;
    }

    /** ISO 7064 MOD 97-10 over the rearranged IBAN (first four characters moved to the end, letters as 10..35). */
    private static int mod97(String value) {
        String rearranged = value.substring(4) + value.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int digit = Character.digit(rearranged.charAt(i), 36);
            // A letter stands for two decimal digits, a digit for one: shift the remainder accordingly.
            remainder = digit > 9 ? (remainder * 100 + digit) % 97 : (remainder * 10 + digit) % 97;
        }
        return remainder;
    }

    public String countryCode() {
        return value.substring(0, 2);
    }

    /** The national part after country and check digits, e.g. {@code ABNA0417164300}. */
    public String bban() {
        return value.substring(4);
    }

    /** In groups of four, the way it is printed on a statement: {@code NL91 ABNA 0417 1643 00}. */
    public String formatted() {
        StringBuilder out = new StringBuilder(value.length() + value.length() / 4);
        for (int i = 0; i < value.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(value, i, Math.min(value.length(), i + 4));
        }
        return out.toString();
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
