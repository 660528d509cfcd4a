package nl.wederkerig.core.shared;

import java.time.LocalDate;

/** A business date lay in the future or too far in the past. */
public final class BusinessDateOutOfRange extends RuleViolation {

    public BusinessDateOutOfRange(LocalDate date, LocalDate earliest, LocalDate latest) {
        super("business date " + date + " must lie between " + earliest + " and " + latest);
    }

    @Override
    public String code() {
        return "business-date-out-of-range";
    }
}
