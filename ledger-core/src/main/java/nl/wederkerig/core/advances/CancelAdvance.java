package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The lender withdraws an advance the borrower has not acknowledged (a mistake, a double entry). */
public record CancelAdvance(
        @TargetAggregateIdentifier AdvanceId advanceId,
        CommandId commandId,
        LocalDate businessDate,
        MemberId actor) {
}
