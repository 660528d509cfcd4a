package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** The lender confirmed receipt of the reimbursement {@code reimbursementId}. */
public record ReimbursementConfirmed(
        AdvanceId advanceId,
        CommunityId communityId,
        CommandId commandId,
        CommandId reimbursementId,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
