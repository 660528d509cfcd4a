package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A coordinator registers an initiative of the community. */
public record RegisterInitiative(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        InitiativeId initiativeId,
        InitiativeKind kind,
        LocalDate businessDate,
        MemberId actor) {
}
