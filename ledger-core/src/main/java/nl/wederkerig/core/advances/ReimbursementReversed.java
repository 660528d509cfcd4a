package nl.wederkerig.core.advances;

import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The reimbursement {@code reimbursementId} of {@code amount} was reversed; {@code outstandingAfter}
 * is owed again. Its journal entry is the exact mirror of the reimbursement's.
 */
public record ReimbursementReversed(
        AdvanceId advanceId,
        CommunityId communityId,
        CommandId commandId,
        CommandId reimbursementId,
        Money amount,
        Money outstandingAfter,
        ReversalReason reason,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
