package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The lender confirms they received the reimbursement named by {@code reimbursementId}. */
public record ConfirmReimbursement(
        @TargetAggregateIdentifier AdvanceId advanceId,
        CommandId commandId,
        CommandId reimbursementId,
        LocalDate businessDate,
        MemberId actor) {
}
