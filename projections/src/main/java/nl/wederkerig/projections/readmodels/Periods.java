package nl.wederkerig.projections.readmodels;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The periods reports accept: from on or before to, both inclusive, at most {@link #MAX_DAYS} days. */
public final class Periods {

    /** Three years and a leap day: enough to compare years, and keeps every report query cheap. */
    public static final long MAX_DAYS = 3 * 365 + 1;

    private Periods() {
    }

    /** Days in the period, both ends included; refuses a reversed or overlong period. */
    public static long requireValid(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the period starts after it ends");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("a period is at most " + MAX_DAYS + " days");
        }
        return days;
    }
}
