package nl.wederkerig.core.corrections;

import nl.wederkerig.core.shared.RuleViolation;

/** The entry was already reversed: an entry is reversed at most once. */
public final class AlreadyReversed extends RuleViolation {

    public AlreadyReversed(Object entryId) {
        super("entry " + entryId + " was already reversed");
    }

    @Override
    public String code() {
        return "already-reversed";
    }
}
