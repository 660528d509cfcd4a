package nl.wederkerig.core.help;

import nl.wederkerig.core.shared.RuleViolation;

/** Helper and receiver were the same member. */
public final class SelfHelp extends RuleViolation {

    public SelfHelp() {
        super("a neighbour cannot record help given to themselves");
    }

    @Override
    public String code() {
        return "self-help";
    }
}
