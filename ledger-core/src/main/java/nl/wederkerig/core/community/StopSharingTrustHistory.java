package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A neighbour (the actor) withdraws the consent they gave {@code viewer}. */
public record StopSharingTrustHistory(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        MemberId viewer,
        LocalDate businessDate,
        MemberId actor) {
}
