package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** A member, initiative or partner with this id is already registered. */
public final class AlreadyRegistered extends RuleViolation {

    public AlreadyRegistered(Object id) {
        super("" + id + " is already registered");
    }

    @Override
    public String code() {
        return "already-registered";
    }
}
