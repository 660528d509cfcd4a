package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.ReasonCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * A second person (another treasurer, or a coordinator; never the one who closed it) reopens the
 * latest close, with a reason.
 *
 * @param closeId the command id of the close to reopen: it must be the latest in force
 */
public record ReopenPeriod(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommandId commandId,
        CommandId closeId,
        ReopenReason reason,
        ReasonCode reasonCode,
        ActingAs actingAs,
        LocalDate businessDate,
        MemberId actor) {
}
