package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.RuleViolation;

/** The member is already a treasurer of this fund. */
public final class TreasurerAlreadyAppointed extends RuleViolation {

    public TreasurerAlreadyAppointed(Object member) {
        super("member " + member + " is already a treasurer of this fund");
    }

    @Override
    public String code() {
        return "treasurer-already-appointed";
    }
}
