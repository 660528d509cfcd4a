package nl.wederkerig.api.ledger;

import java.time.Clock;
import java.time.LocalDate;

/** The business date a request means: the one it names, or today in the ledger's zone when it names none. */
public final class BusinessDay {

    private BusinessDay() {
    }

    public static LocalDate orToday(LocalDate businessDate, Clock clock) {
        return businessDate != null ? businessDate : LocalDate.now(clock);
    }
}
