package nl.wederkerig.projections.trust;

import nl.wederkerig.core.shared.Money;

/**
 * One direction of a neighbour's advances: those they gave (as lender) or received (as borrower).
 * Days to settle count from the day an advance was made to the day it was paid back in full;
 * {@code null} when nothing was settled yet.
 */
public record AdvanceSide(
        long count,
        Money total,
        long settled,
        Long medianDaysToSettle,
        Long maxDaysToSettle,
        long forgiven,
        Money forgivenTotal,
        long disputed,
        long cancelled) {
}
