package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

/** A line is booked outside the period its statement says it covers. */
public final class BankLineOutsidePeriod extends RuleViolation {

    public BankLineOutsidePeriod(Object lineId) {
        super("bank line " + lineId + " is booked outside the statement's period");
    }

    @Override
    public String code() {
        return "bank-line-outside-period";
    }
}
