package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

/** The line is matched already. */
public final class BankLineAlreadyMatched extends RuleViolation {

    public BankLineAlreadyMatched(Object lineId) {
        super("bank line " + lineId + " is matched already");
    }

    @Override
    public String code() {
        return "bank-line-already-matched";
    }
}
