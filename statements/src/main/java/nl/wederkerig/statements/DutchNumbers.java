package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Amounts and dates as Dutch bank exports write them, read strictly: anything unexpected refuses the file. */
final class DutchNumbers {

    // "1.234,56", "+250,00", "-25,00", "10,5", "1000,", "1234.56", "7": sign, digits (optionally grouped by dots
    // when a comma is the decimal mark), and at most two decimals.
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?(?:[0-9]{1,3}(?:\\.[0-9]{3})+|[0-9]+),[0-9]{0,2}");
    private static final Pattern POINT_DECIMAL = Pattern.compile("[+-]?[0-9]+(?:\\.[0-9]{1,2})?");

    private DutchNumbers() {
    }

    /** A signed amount in EUR. */
    static Money eur(String text, int line) {
        String value = text == null ? "" : text.strip();
        BigDecimal amount;
        if (COMMA_DECIMAL.matcher(value).matches()) {
            String plain = value.replace(".", "").replace(',', '.');
            amount = new BigDecimal(plain.endsWith(".") ? plain + "0" : plain);
        } else if (POINT_DECIMAL.matcher(value).matches()) {
            amount = new BigDecimal(value);
        } else {
            throw unreadable(line, "an amount");
        }
        try {
            return new Money(amount, Money.EUR);
        } catch (IllegalArgumentException tooLarge) {
            throw unreadable(line, "an amount within the ledger's range");
        }
    }

    static LocalDate date(String text, String pattern, int line) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip(),
                    DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT));
        } catch (DateTimeParseException e) {
            throw unreadable(line, "a date as " + pattern);
        }
    }

    static StatementRefused unreadable(int line, String expected) {
        return new StatementRefused(StatementRefused.Reason.LINE_UNREADABLE, line, "expected " + expected);
    }
}
