package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The borrower does not agree with the advance as recorded. */
public record DisputeAdvance(
        @TargetAggregateIdentifier AdvanceId advanceId,
        CommandId commandId,
        DisputeReason reason,
        LocalDate businessDate,
        MemberId actor) {
}
