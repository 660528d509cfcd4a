package nl.wederkerig.core.corrections;

import nl.wederkerig.core.shared.RuleViolation;

/** The id names no money entry of this record (a reversal itself is not reversed either: record the entry anew). */
public final class NotReversible extends RuleViolation {

    public NotReversible(Object entryId) {
        super("no reversible entry " + entryId + " here");
    }

    @Override
    public String code() {
        return "not-reversible";
    }
}
