package nl.wederkerig.core.advances;

import nl.wederkerig.core.community.AdvanceLimit;

import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Map;

/**
 * Internal command, sent by {@code AdvanceLimitGuard} in the same unit of work as {@link MakeAdvance}
 * (never by a client): admit a new advance into the borrower's book if the community's limit allows.
 * {@code outstandingNow} holds, for each advance the book lists as open, what it owes right now
 * (read from the advances' own event streams, so strongly consistent).
 */
public record AdmitAdvance(
        @TargetAggregateIdentifier AdvanceBookId bookId,
        AdvanceId advanceId,
        Money amount,
        AdvanceLimit limit,
        Map<AdvanceId, Money> outstandingNow,
        LocalDate businessDate,
        MemberId actor) {

    public AdmitAdvance {
        outstandingNow = Map.copyOf(outstandingNow);
    }
}
