package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CreatesRecord;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The lender records that they paid {@code amount} on behalf of the borrower. The advance id is the command id. */
public record MakeAdvance(
        @TargetAggregateIdentifier AdvanceId advanceId,
        CommunityId communityId,
        MemberId lender,
        MemberId borrower,
        Money amount,
        Purpose purpose,
        LocalDate businessDate,
        MemberId actor) implements CreatesRecord {
}
