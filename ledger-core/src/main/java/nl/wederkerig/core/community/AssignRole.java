package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A coordinator gives a member a role. */
public record AssignRole(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        MemberId memberId,
        Role role,
        LocalDate businessDate,
        MemberId actor) {
}
