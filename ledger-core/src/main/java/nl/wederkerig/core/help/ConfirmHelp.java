package nl.wederkerig.core.help;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The receiver confirms the help as recorded (this also resolves their earlier dispute). */
public record ConfirmHelp(
        @TargetAggregateIdentifier HelpId helpId,
        CommandId commandId,
        LocalDate businessDate,
        MemberId actor) {
}
