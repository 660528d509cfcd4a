package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

import java.time.LocalDate;

/** The statement's period ends before it starts, or in the future. */
public final class StatementPeriodInvalid extends RuleViolation {

    public StatementPeriodInvalid(LocalDate from, LocalDate to) {
        super("a statement from " + from + " to " + to + " cannot be imported");
    }

    @Override
    public String code() {
        return "statement-period-invalid";
    }
}
