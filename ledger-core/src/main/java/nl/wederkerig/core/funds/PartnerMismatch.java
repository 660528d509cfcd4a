package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.RuleViolation;

/** A PARTNER contribution must name its partner, and only a PARTNER contribution may. */
public final class PartnerMismatch extends RuleViolation {

    public PartnerMismatch() {
        super("name the partner for a partner contribution, and only then");
    }

    @Override
    public String code() {
        return "partner-mismatch";
    }
}
