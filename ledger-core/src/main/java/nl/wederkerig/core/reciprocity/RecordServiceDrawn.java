package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The initiative gave the partner {@code count} services of {@code category} (advice, a room, meals). */
public record RecordServiceDrawn(
        @TargetAggregateIdentifier PartnerId partnerId,
        CommandId commandId,
        CommunityId communityId,
        InitiativeId initiativeId,
        ServiceCategory category,
        int count,
        LocalDate businessDate,
        MemberId actor) {
}
