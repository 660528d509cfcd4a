package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The borrower paid back {@code amount}; {@code outstandingAfter} is what was still owed after it
 * (zero means the advance is settled). The command id names this reimbursement.
 */
public record AdvanceReimbursed(
        AdvanceId advanceId,
        CommunityId communityId,
        CommandId commandId,
        Money amount,
        Money outstandingAfter,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
