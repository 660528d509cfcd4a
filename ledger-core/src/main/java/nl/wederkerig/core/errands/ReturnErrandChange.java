package nl.wederkerig.core.errands;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The helper hands back the change: exactly what was entrusted but not spent. */
public record ReturnErrandChange(
        @TargetAggregateIdentifier ErrandId errandId,
        CommandId commandId,
        Money amount,
        LocalDate businessDate,
        MemberId actor) {
}
