package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CreatesRecord;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Internal command, sent by {@code ErrandOverspendPolicy} after an errand's {@code ErrandOverspent}:
 * open the advance that the overspend became, so the asker can acknowledge, dispute, reimburse it
 * and the helper can forgive it like any other advance. The advance id is the one the errand chose.
 */
public record OpenErrandAdvance(
        @TargetAggregateIdentifier AdvanceId advanceId,
        CommunityId communityId,
        ErrandId errandId,
        MemberId lender,
        MemberId borrower,
        Money amount,
        LocalDate businessDate,
        MemberId actor) implements CreatesRecord {
}
