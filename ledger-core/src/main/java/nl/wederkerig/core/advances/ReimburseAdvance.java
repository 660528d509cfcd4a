package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The borrower pays back part or all of what is outstanding. The command id names the reimbursement. */
public record ReimburseAdvance(
        @TargetAggregateIdentifier AdvanceId advanceId,
        CommandId commandId,
        Money amount,
        LocalDate businessDate,
        MemberId actor) {
}
