package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

import java.time.LocalDate;

/** The books are closed through this day or later already. */
public final class PeriodAlreadyClosed extends RuleViolation {

    public PeriodAlreadyClosed(LocalDate periodEnd, LocalDate closedThrough) {
        super("the books are closed through " + closedThrough + " already, so not again through " + periodEnd);
    }

    @Override
    public String code() {
        return "period-already-closed";
    }
}
