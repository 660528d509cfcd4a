package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Founds a community; the founder (the actor) becomes its first member and coordinator. The community id is the command id. */
public record FoundCommunity(
        @TargetAggregateIdentifier CommunityId communityId,
        LocalDate businessDate,
        MemberId actor) {
}
