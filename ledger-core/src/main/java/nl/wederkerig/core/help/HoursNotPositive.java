package nl.wederkerig.core.help;

import nl.wederkerig.core.shared.RuleViolation;

/** Help of zero minutes was recorded. */
public final class HoursNotPositive extends RuleViolation {

    public HoursNotPositive() {
        super("help must last at least one minute");
    }

    @Override
    public String code() {
        return "hours-not-positive";
    }
}
