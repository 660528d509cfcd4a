package nl.wederkerig.core.help;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The receiver does not agree with the help as recorded. */
public record DisputeHelp(
        @TargetAggregateIdentifier HelpId helpId,
        CommandId commandId,
        HelpDisputeReason reason,
        LocalDate businessDate,
        MemberId actor) {
}
