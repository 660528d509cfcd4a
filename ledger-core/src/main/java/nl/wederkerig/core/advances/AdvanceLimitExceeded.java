package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.RuleViolation;

/** A new advance would take the borrower past the community's limit on open advances. */
public final class AdvanceLimitExceeded extends RuleViolation {

    public AdvanceLimitExceeded(String detail) {
        super("this neighbour already has the most open advances the community allows: " + detail);
    }

    @Override
    public String code() {
        return "advance-limit-exceeded";
    }
}
