package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** There is no erasure request for this member to confirm. */
public final class NoErasureRequested extends RuleViolation {

    public NoErasureRequested(Object member) {
        super("no erasure of " + member + " was requested");
    }

    @Override
    public String code() {
        return "no-erasure-requested";
    }
}
