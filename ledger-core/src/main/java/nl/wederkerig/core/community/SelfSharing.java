package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** A neighbour always sees their own trust history; sharing it with oneself means nothing. */
public final class SelfSharing extends RuleViolation {

    public SelfSharing() {
        super("a neighbour cannot share their trust history with themselves");
    }

    @Override
    public String code() {
        return "self-sharing";
    }
}
