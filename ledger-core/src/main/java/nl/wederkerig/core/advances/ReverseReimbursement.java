package nl.wederkerig.core.advances;

import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Lender or borrower reverses a reimbursement entered in error, once, while the advance is open
 * and the lender has not confirmed receiving it. The amount is owed again.
 */
public record ReverseReimbursement(
        @TargetAggregateIdentifier AdvanceId advanceId,
        CommandId commandId,
        CommandId reimbursementId,
        ReversalReason reason,
        LocalDate businessDate,
        MemberId actor) {
}
