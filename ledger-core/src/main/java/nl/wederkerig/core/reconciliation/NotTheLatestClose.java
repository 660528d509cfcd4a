package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

/** Only the latest close still in force can be reopened. */
public final class NotTheLatestClose extends RuleViolation {

    public NotTheLatestClose(Object closeId) {
        super("close " + closeId + " is not the latest close in force");
    }

    @Override
    public String code() {
        return "close-not-latest";
    }
}
