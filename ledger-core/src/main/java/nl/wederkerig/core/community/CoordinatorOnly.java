package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** Only a coordinator of the community administers it. */
public final class CoordinatorOnly extends RuleViolation {

    public CoordinatorOnly(Object actor) {
        super("member " + actor + " is not a coordinator of this community");
    }

    @Override
    public String code() {
        return "coordinator-only";
    }
}
