package nl.wederkerig.api.platform.web.pages;

import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Amounts, hours and dates as people type them into a form: "12,50" and "12.50", "€ 12,50";
 * "1,5" or "1:30" hours; a date field's 2026-03-31 or 31-3-2026. Each throws
 * IllegalArgumentException on anything else, for {@link FormErrors#read}.
 */
public final class PageNumbers {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private PageNumbers() {
    }

    /** Euros: a comma or a point before the cents; no thousands separators (they would be ambiguous). */
    public static Money euros(String raw) {
        String plain = raw.replace("€", "").replace("\u00a0", "").strip().replace(',', '.');
        if (!plain.matches("-?\\d{1,9}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("not an amount: " + raw);
        }
        return Money.eur(plain);
    }

    /** Hours: "2", "1,5", "1.25" or "1:30"; whole minutes only. */
    public static Hours hours(String raw) {
        String plain = raw.strip();
        long minutes;
        if (plain.matches("\\d{1,2}:[0-5]\\d")) {
            String[] parts = plain.split(":");
            minutes = Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1]);
        } else if (plain.matches("\\d{1,2}([.,]\\d{1,4})?")) {
            BigDecimal exact = new BigDecimal(plain.replace(',', '.')).multiply(MINUTES_PER_HOUR);
            if (exact.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("not whole minutes: " + raw);
            }
            minutes = exact.longValueExact();
        } else {
            throw new IllegalArgumentException("not hours: " + raw);
        }
        if (minutes == 0) {
            throw new IllegalArgumentException("no time: " + raw);
        }
        return Hours.ofMinutes(minutes);
    }

    /** A date as a date field sends it (2026-03-31) or as people write it here (31-3-2026). */
    public static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDate.parse(raw.strip().replace('/', '-'), DateTimeFormatter.ofPattern("d-M-uuuu"));
            } catch (DateTimeParseException notDutch) {
                throw new IllegalArgumentException("not a date: " + raw, notDutch);
            }
        }
    }
}
