package nl.wederkerig.core.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The rule for business dates: back-dating is allowed (a neighbour records last week's groceries
 * today) but only within a limit, and nothing may be dated in the future.
 */
public final class BusinessDates {

    /** How far back an entry may be dated: two years, enough to record a forgotten advance. */
    public static final int MAX_BACKDATING_DAYS = 2 * 366;

    private BusinessDates() {
    }

    public static LocalDate requireAllowed(LocalDate businessDate, Clock clock) {
        Objects.requireNonNull(businessDate, "business date is missing");
        LocalDate today = LocalDate.now(clock);
        LocalDate earliest = today.minusDays(MAX_BACKDATING_DAYS);
        if (businessDate.isAfter(today) || businessDate.isBefore(earliest)) {
            throw new BusinessDateOutOfRange(businessDate, earliest, today);
        }
        return businessDate;
    }
}
