package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

/** Money in cannot be booked as an expense, nor money out as a contribution. */
public final class BankLineDirection extends RuleViolation {

    public BankLineDirection(Object lineId, String booking) {
        super("bank line " + lineId + " goes the other way than " + booking);
    }

    @Override
    public String code() {
        return "bank-line-direction";
    }
}
