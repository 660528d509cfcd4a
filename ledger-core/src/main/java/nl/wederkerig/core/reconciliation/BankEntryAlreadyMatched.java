package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

/** The fund entry is matched to bank lines already. */
public final class BankEntryAlreadyMatched extends RuleViolation {

    public BankEntryAlreadyMatched(Object entryId) {
        super("fund entry " + entryId + " is matched already");
    }

    @Override
    public String code() {
        return "bank-entry-already-matched";
    }
}
