package nl.wederkerig.api.platform.time;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/** The business date a request means: the one it names, or today in the ledger's zone when it names none. */
@Component
public class BusinessDay {

    private final Clock clock;

    public BusinessDay(Clock clock) {
        this.clock = clock;
    }

    public LocalDate orToday(LocalDate businessDate) {
        return businessDate != null ? businessDate : today();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
