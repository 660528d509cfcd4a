package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Volunteers of an initiative gave the partner {@code hours} (e.g. took care-home residents outside). */
public record RecordHoursDrawn(
        @TargetAggregateIdentifier PartnerId partnerId,
        CommandId commandId,
        CommunityId communityId,
        InitiativeId initiativeId,
        Hours hours,
        LocalDate businessDate,
        MemberId actor) {
}
