package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A treasurer records money received: from a partner (name it), a grant, a donation or guests' small payments; into the bank or the cash box. */
public record RecordContribution(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommandId commandId,
        Money amount,
        ContributionSource source,
        PartnerId partnerId,
        Channel channel,
        LocalDate businessDate,
        MemberId actor) {
}
