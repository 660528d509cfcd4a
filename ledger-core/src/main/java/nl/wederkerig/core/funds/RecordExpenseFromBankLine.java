package nl.wederkerig.core.funds;

import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.ReceiptReference;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A treasurer books an unmatched bank line of money out as an expense of {@code category}, in one
 * step, by the same rules as {@link RecordExpense}. Without a receipt (bank costs have none) the
 * bank line is the receipt: {@link Fund#bankLineReceipt}.
 */
public record RecordExpenseFromBankLine(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommandId commandId,
        BankLineId lineId,
        ExpenseCategory category,
        ReceiptReference receipt,
        MemberId actor) {
}
