package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** No community with this id was founded. */
public final class UnknownCommunity extends RuleViolation {

    public UnknownCommunity(Object community) {
        super("no community " + community);
    }

    @Override
    public String code() {
        return "unknown-community";
    }
}
