package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The partner returned support in kind, valued at {@code value}. */
public record RecordInKindReturned(
        @TargetAggregateIdentifier PartnerId partnerId,
        CommandId commandId,
        CommunityId communityId,
        InitiativeId initiativeId,
        InKindCategory category,
        Money value,
        LocalDate businessDate,
        MemberId actor) {
}
