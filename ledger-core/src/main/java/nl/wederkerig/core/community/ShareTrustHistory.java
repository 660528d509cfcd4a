package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A neighbour (the actor) lets one other neighbour see their trust history: their recorded consent. */
public record ShareTrustHistory(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        MemberId viewer,
        LocalDate businessDate,
        MemberId actor) {
}
