package nl.wederkerig.core.errands;

import nl.wederkerig.core.shared.RuleViolation;

/** Asker and helper were the same member. */
public final class SelfErrand extends RuleViolation {

    public SelfErrand() {
        super("a neighbour cannot run an errand for themselves");
    }

    @Override
    public String code() {
        return "self-errand";
    }
}
