package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A treasurer moves money between the bank and the cash box (a withdrawal or a deposit). */
public record TransferFunds(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommandId commandId,
        Money amount,
        Channel from,
        Channel to,
        LocalDate businessDate,
        MemberId actor) {
}
