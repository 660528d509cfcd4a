package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A treasurer records money the fund spent, by category, with the receipt's reference, from the bank or the cash box. */
public record RecordExpense(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommandId commandId,
        Money amount,
        ExpenseCategory category,
        ReceiptReference receipt,
        Channel channel,
        LocalDate businessDate,
        MemberId actor) {
}
