package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

import java.time.LocalDate;

/** Nothing is recorded into the fund with a business date in a closed period; correct it with an entry dated in an open period. */
public final class DateInClosedPeriod extends RuleViolation {

    public DateInClosedPeriod(LocalDate date, LocalDate closedThrough) {
        super("the books are closed through " + closedThrough + ": nothing can be dated " + date);
    }

    @Override
    public String code() {
        return "period-closed";
    }
}
