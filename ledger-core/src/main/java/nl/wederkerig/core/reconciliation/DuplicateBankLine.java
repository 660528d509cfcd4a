package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

/** The same line appears twice in one statement. */
public final class DuplicateBankLine extends RuleViolation {

    public DuplicateBankLine(Object lineId) {
        super("bank line " + lineId + " appears twice in the statement");
    }

    @Override
    public String code() {
        return "bank-line-duplicate";
    }
}
