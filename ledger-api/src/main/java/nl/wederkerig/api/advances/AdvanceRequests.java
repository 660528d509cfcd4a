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
 * and status follows from the events. A missing business date means today. {@code onBehalfOf}
 * (optional) names the lender when a coordinator or a helper the lender named records it for them.
 */
public final class AdvanceRequests {

    private AdvanceRequests() {
    }

    public record Make(@NotNull AdvanceId advanceId, @NotNull MemberId borrower, @NotNull Money amount,
                @NotNull Purpose purpose, LocalDate businessDate, MemberId onBehalfOf) {
    }

    public record Step(@NotNull CommandId commandId, LocalDate businessDate) {
    }

    public record Dispute(@NotNull CommandId commandId, @NotNull DisputeReason reason, LocalDate businessDate) {
    }

    public record Reimburse(@NotNull CommandId commandId, @NotNull Money amount, LocalDate businessDate) {
    }

    public record Confirm(@NotNull CommandId commandId, @NotNull CommandId reimbursementId, LocalDate businessDate) {
    }

    /** Reverses a reimbursement entered in error, named by the id of the command that recorded it. */
    public record ReimbursementReversal(@NotNull CommandId commandId, @NotNull ReversalReason reason, LocalDate businessDate) {
    }

    /** What a command answers: the ids that name what was recorded. */
    public record Recorded(AdvanceId advanceId, CommandId commandId) {
    }
}
