package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** The member already holds this role. */
public final class RoleAlreadyHeld extends RuleViolation {

    public RoleAlreadyHeld(Object member, Role role) {
        super("member " + member + " already holds " + role);
    }

    @Override
    public String code() {
        return "role-already-held";
    }
}
