package nl.wederkerig.projections.funds;

import nl.wederkerig.core.shared.Money;

/** How many claims, and their amounts together. */
public record ClaimTally(long count, Money amount) {

    static ClaimTally ofCents(long count, long cents) {
        return new ClaimTally(count, Money.ofCents(cents, Money.EUR));
    }
}
