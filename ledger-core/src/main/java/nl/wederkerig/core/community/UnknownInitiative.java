package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** The initiative is not registered in this community. */
public final class UnknownInitiative extends RuleViolation {

    public UnknownInitiative(Object initiative) {
        super("initiative " + initiative + " is not registered in this community");
    }

    @Override
    public String code() {
        return "unknown-initiative";
    }
}
