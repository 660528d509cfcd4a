package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Reverses one reciprocity entry (named by the id of the command that made it), once, with a reason. */
public record ReverseReciprocityEntry(
        @TargetAggregateIdentifier PartnerId partnerId,
        CommandId commandId,
        CommandId entryId,
        ReversalReason reason,
        LocalDate businessDate,
        MemberId actor) {
}
