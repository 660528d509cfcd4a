package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * A neighbour (the actor) names another neighbour as their helper: their recorded consent that the
 * helper may record advances and help on their behalf (for someone without a phone).
 */
public record NameHelper(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        MemberId helper,
        LocalDate businessDate,
        MemberId actor) {
}
