package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The partner returned money to the initiative (the money itself is booked in the fund as a PARTNER contribution). */
public record RecordMoneyReturned(
        @TargetAggregateIdentifier PartnerId partnerId,
        CommandId commandId,
        CommunityId communityId,
        InitiativeId initiativeId,
        Money amount,
        LocalDate businessDate,
        MemberId actor) {
}
