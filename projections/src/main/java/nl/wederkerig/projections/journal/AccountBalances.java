package nl.wederkerig.projections.journal;

import java.util.List;

/**
 * Every account's balance per unit as of a date, ordered by account and unit.
 *
 * @param truncated true when more accounts had a balance than {@link JournalPostings#MAX_BALANCE_ROWS}
 */
public record AccountBalances(List<AccountBalance> balances, boolean truncated) {

    public AccountBalances {
        balances = List.copyOf(balances);
    }
}
