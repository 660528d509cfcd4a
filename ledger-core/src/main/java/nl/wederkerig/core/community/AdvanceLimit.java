package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.Amounts;
import nl.wederkerig.core.shared.Money;

/**
 * A community's limit on one neighbour's open advances as borrower: how many may be open at once
 * and/or how much they may owe in total (outstanding, in EUR). A null part means "no limit on
 * that part"; {@link #NONE} limits nothing (besides the hard cap {@link #MAX_OPEN_ADVANCES}).
 */
public record AdvanceLimit(Integer maxOpenAdvances, Money maxOpenTotal) {

    /** The hard cap on one borrower's open advances, whatever a community sets: the book lists each one. */
    public static final int MAX_OPEN_ADVANCES = 50;

    /** Highest total a community may allow one borrower to owe: ten times the largest single advance. */
    public static final Money MAX_OPEN_TOTAL = Money.eur("50000.00");

    public static final AdvanceLimit NONE = new AdvanceLimit(null, null);

    public AdvanceLimit {
        if (maxOpenAdvances != null && (maxOpenAdvances < 1 || maxOpenAdvances > MAX_OPEN_ADVANCES)) {
            throw new IllegalArgumentException("max open advances must be 1 to " + MAX_OPEN_ADVANCES);
        }
        if (maxOpenTotal != null) {
            Amounts.requirePositiveEur(maxOpenTotal, MAX_OPEN_TOTAL);
        }
    }
}
