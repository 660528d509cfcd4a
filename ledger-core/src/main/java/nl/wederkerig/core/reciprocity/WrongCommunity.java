package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.shared.RuleViolation;

/** A partner's account belongs to one community; an entry named another. */
public final class WrongCommunity extends RuleViolation {

    public WrongCommunity(Object expected, Object given) {
        super("this partner's account belongs to community " + expected + ", not " + given);
    }

    @Override
    public String code() {
        return "wrong-community";
    }
}
