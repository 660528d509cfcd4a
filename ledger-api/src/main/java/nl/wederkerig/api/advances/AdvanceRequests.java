package nl.wederkerig.api.advances;

import jakarta.validation.constraints.NotNull;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.DisputeReason;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/**
 * Request bodies. None has an actor, lender or status field: who acts is the logged-in member,
 * and status follows from the events. A missing business date means today.
 */
final class AdvanceRequests {

    private AdvanceRequests() {
    }

    record Make(@NotNull AdvanceId advanceId, @NotNull MemberId borrower, @NotNull Money amount,
                @NotNull Purpose purpose, LocalDate businessDate) {
    }

    record Step(@NotNull CommandId commandId, LocalDate businessDate) {
    }

    record Dispute(@NotNull CommandId commandId, @NotNull DisputeReason reason, LocalDate businessDate) {
    }

    record Reimburse(@NotNull CommandId commandId, @NotNull Money amount, LocalDate businessDate) {
    }

    record Confirm(@NotNull CommandId commandId, @NotNull CommandId reimbursementId, LocalDate businessDate) {
    }

    /** Reverses a reimbursement entered in error, named by the id of the command that recorded it. */
    record ReimbursementReversal(@NotNull CommandId commandId, @NotNull ReversalReason reason, LocalDate businessDate) {
    }

    /** What a command answers: the ids that name what was recorded. */
    record Recorded(AdvanceId advanceId, CommandId commandId) {
    }
}
