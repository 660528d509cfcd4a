package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** The borrower agreed they owe the advance. */
public record AdvanceAcknowledged(
        AdvanceId advanceId,
        CommunityId communityId,
        CommandId commandId,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
