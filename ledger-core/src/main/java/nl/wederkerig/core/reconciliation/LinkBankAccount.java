package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A treasurer of the initiative, or a coordinator, links the initiative's bank account to its fund. */
public record LinkBankAccount(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommandId commandId,
        Iban iban,
        ActingAs actingAs,
        LocalDate businessDate,
        MemberId actor) {
}
