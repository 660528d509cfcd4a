package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

/** No fund entry with this id moved money in or out of the bank. */
public final class UnknownBankEntry extends RuleViolation {

    public UnknownBankEntry(Object entryId) {
        super("no fund entry " + entryId + " moved money in or out of the bank");
    }

    @Override
    public String code() {
        return "bank-entry-unknown";
    }
}
