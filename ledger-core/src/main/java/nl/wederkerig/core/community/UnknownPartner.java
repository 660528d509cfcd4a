package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** The partner is not registered in this community. */
public final class UnknownPartner extends RuleViolation {

    public UnknownPartner(Object partner) {
        super("partner " + partner + " is not registered in this community");
    }

    @Override
    public String code() {
        return "unknown-partner";
    }
}
