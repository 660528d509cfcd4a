package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The lender forgives whatever is still outstanding: it becomes a gift. */
public record ForgiveAdvance(
        @TargetAggregateIdentifier AdvanceId advanceId,
        CommandId commandId,
        LocalDate businessDate,
        MemberId actor) {
}
