package nl.wederkerig.projections.balances;

import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.util.List;

/**
 * A neighbour's position: what others owe them, what they owe others and the difference, counting
 * only advances that are not disputed; beside it, per side, what stands disputed
 * ({@code disputedOwedToMe}: others dispute that they owe it; {@code disputedIOwe}: the neighbour
 * disputes it). Then the help in hours given and received, and the open balance per counterparty.
 * {@code truncated} says the per-pair list stopped at {@link AdvanceBalances#MAX_LISTED_ADVANCES};
 * the totals always count everything.
 */
public record NeighbourBalance(
        MemberId member,
        Money owedToMe,
        Money iOwe,
        Money net,
        Money disputedOwedToMe,
        Money disputedIOwe,
        HoursBalance hours,
        List<PairBalance> pairs,
        boolean truncated) {

    public NeighbourBalance {
        pairs = List.copyOf(pairs);
    }
}
