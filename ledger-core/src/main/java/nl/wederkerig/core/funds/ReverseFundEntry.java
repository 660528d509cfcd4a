package nl.wederkerig.core.funds;

import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A treasurer reverses one money entry of the fund (named by the id of the command that made it), once, with a reason. */
public record ReverseFundEntry(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommandId commandId,
        CommandId entryId,
        ReversalReason reason,
        LocalDate businessDate,
        MemberId actor) {
}
