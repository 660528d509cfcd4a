package nl.wederkerig.projections.balances;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What stands open between one neighbour and one counterparty. {@code net} is positive when the
 * counterparty owes the neighbour, negative when the neighbour owes; {@code since} is the date of the
 * oldest open advance between them.
 */
public record PairBalance(MemberId counterparty, Money net, LocalDate since, List<AdvanceId> openAdvances) {

    public PairBalance {
        openAdvances = List.copyOf(openAdvances);
    }

    static PairBalance of(MemberId counterparty, Money signedOutstanding, OpenAdvance advance) {
        return new PairBalance(counterparty, signedOutstanding, advance.madeOn(), List.of(advance.advanceId()));
    }

    PairBalance plus(PairBalance other) {
        List<AdvanceId> advances = new ArrayList<>(openAdvances);
        advances.addAll(other.openAdvances);
        LocalDate earliest = since.isBefore(other.since) ? since : other.since;
        return new PairBalance(counterparty, net.plus(other.net), earliest, advances);
    }
}
