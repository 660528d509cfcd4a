package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

/** The lender forgave {@code amount}, all that was still outstanding. */
public record AdvanceForgiven(
        AdvanceId advanceId,
        CommunityId communityId,
        CommandId commandId,
        Money amount,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
