package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** The member is not registered in this community. */
public final class UnknownMember extends RuleViolation {

    public UnknownMember(Object member) {
        super("member " + member + " is not registered in this community");
    }

    @Override
    public String code() {
        return "unknown-member";
    }
}
