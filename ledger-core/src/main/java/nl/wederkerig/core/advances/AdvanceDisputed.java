package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** The borrower disputed the advance. */
public record AdvanceDisputed(
        AdvanceId advanceId,
        CommunityId communityId,
        CommandId commandId,
        DisputeReason reason,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
