package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A coordinator takes a role away from a member. */
public record RevokeRole(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        MemberId memberId,
        Role role,
        LocalDate businessDate,
        MemberId actor) {
}
