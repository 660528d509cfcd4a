package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The borrower agrees they owe the advance. */
public record AcknowledgeAdvance(
        @TargetAggregateIdentifier AdvanceId advanceId,
        CommandId commandId,
        LocalDate businessDate,
        MemberId actor) {
}
