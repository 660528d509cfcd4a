package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** A neighbour always records for themselves; naming oneself as one's helper means nothing. */
public final class SelfHelper extends RuleViolation {

    public SelfHelper() {
        super("a neighbour cannot name themselves as their helper");
    }

    @Override
    public String code() {
        return "self-helper";
    }
}
