package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

/** A match needs at least one line and one entry, and holds at most a limited number of each, each once. */
public final class MatchSizeOutOfRange extends RuleViolation {

    public MatchSizeOutOfRange(int max) {
        super("a match holds 1 to " + max + " lines and 1 to " + max + " entries, each once");
    }

    @Override
    public String code() {
        return "match-size";
    }
}
