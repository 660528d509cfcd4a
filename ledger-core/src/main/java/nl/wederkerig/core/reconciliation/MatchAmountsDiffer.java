package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.RuleViolation;

/** The lines and the entries of a match are not the same amount. */
public final class MatchAmountsDiffer extends RuleViolation {

    public MatchAmountsDiffer(Money lines, Money entries) {
        super("the lines come to " + lines + " and the entries to " + entries);
    }

    @Override
    public String code() {
        return "match-amounts-differ";
    }
}
