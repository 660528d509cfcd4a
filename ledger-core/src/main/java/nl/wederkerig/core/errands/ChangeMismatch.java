package nl.wederkerig.core.errands;

import nl.wederkerig.core.shared.RuleViolation;

/** The change handed back differs from what was entrusted but not spent. */
public final class ChangeMismatch extends RuleViolation {

    public ChangeMismatch(Object amount, Object due) {
        super("change of " + amount + " differs from the " + due + " due");
    }

    @Override
    public String code() {
        return "change-mismatch";
    }
}
