package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** The member does not hold the role to revoke. */
public final class RoleNotHeld extends RuleViolation {

    public RoleNotHeld(Object member, Role role) {
        super("member " + member + " does not hold " + role);
    }

    @Override
    public String code() {
        return "role-not-held";
    }
}
