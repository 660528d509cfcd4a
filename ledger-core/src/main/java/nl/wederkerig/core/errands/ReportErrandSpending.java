package nl.wederkerig.core.errands;

import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The helper reports what they spent, with the receipt's reference (required unless nothing was spent). If they spent more than entrusted, the difference becomes an advance with id {@link Errand#overspendAdvanceId}. */
public record ReportErrandSpending(
        @TargetAggregateIdentifier ErrandId errandId,
        CommandId commandId,
        Money spent,
        ReceiptReference receipt,
        LocalDate businessDate,
        MemberId actor) {
}
