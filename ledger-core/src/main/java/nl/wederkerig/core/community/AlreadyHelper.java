package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.RuleViolation;

/** The neighbour already named this helper. */
public final class AlreadyHelper extends RuleViolation {

    public AlreadyHelper(MemberId helper) {
        super(helper + " is already named as helper");
    }

    @Override
    public String code() {
        return "already-helper";
    }
}
