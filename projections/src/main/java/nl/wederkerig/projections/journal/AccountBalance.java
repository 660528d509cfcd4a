package nl.wederkerig.projections.journal;

import nl.wederkerig.core.journal.Unit;

import java.math.BigDecimal;

/**
 * The balance of one account in one unit: {@code quantity} smallest units (cents, minutes),
 * positive for a debit balance, negative for a credit balance (the hledger convention).
 */
public record AccountBalance(String account, Unit unit, long quantity) {

    /** The quantity as an exact decimal in the unit, e.g. 1250 cents as 12.50. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(quantity, unit.decimals());
    }
}
