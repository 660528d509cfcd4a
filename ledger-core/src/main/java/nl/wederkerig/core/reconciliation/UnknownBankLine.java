package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

/** No imported line of the fund's account has this id. */
public final class UnknownBankLine extends RuleViolation {

    public UnknownBankLine(Object lineId) {
        super("no imported bank line " + lineId);
    }

    @Override
    public String code() {
        return "bank-line-unknown";
    }
}
