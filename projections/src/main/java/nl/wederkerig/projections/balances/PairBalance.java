package nl.wederkerig.projections.balances;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What stands open between one neighbour and one counterparty. {@code net} is positive when the
 * counterparty owes the neighbour, negative when the neighbour owes, counting only advances that
 * are not disputed; {@code disputed} is the same for the advances that stand disputed (positive:
 * the counterparty disputes what the neighbour says they owe). {@code since} is the date of the
 * oldest open advance between them, disputed or not; {@code openAdvances} lists them all.
 */
public record PairBalance(MemberId counterparty, Money net, Money disputed, LocalDate since, List<AdvanceId> openAdvances) {

    public PairBalance {
        openAdvances = List.copyOf(openAdvances);
    }

    static PairBalance of(MemberId counterparty, Money signedOutstanding, OpenAdvance advance) {
        Money zero = Money.zero(signedOutstanding.currency());
        return new PairBalance(counterparty, advance.disputed() ? zero : signedOutstanding,
                advance.disputed() ? signedOutstanding : zero, advance.madeOn(), List.of(advance.advanceId()));
    }

    PairBalance plus(PairBalance other) {
        List<AdvanceId> advances = new ArrayList<>(openAdvances);
        advances.addAll(other.openAdvances);
        LocalDate earliest = since.isBefore(other.since) ? since : other.since;
        return new PairBalance(counterparty, net.plus(other.net), disputed.plus(other.disputed), earliest, advances);
    }
}
