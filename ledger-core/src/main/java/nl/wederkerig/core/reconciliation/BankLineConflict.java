package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

/** A line was imported before with another amount or date: the file is not what the bank sent before. */
public final class BankLineConflict extends RuleViolation {

    public BankLineConflict(Object lineId) {
        super("bank line " + lineId + " was imported before with another amount or date");
    }

    @Override
    public String code() {
        return "bank-line-conflict";
    }
}
