package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** The member's personal data was erased already. */
public final class AlreadyErased extends RuleViolation {

    public AlreadyErased(Object member) {
        super("the personal data of " + member + " was erased already");
    }

    @Override
    public String code() {
        return "already-erased";
    }
}
