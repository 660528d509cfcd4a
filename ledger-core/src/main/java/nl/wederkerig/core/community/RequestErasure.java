package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * A coordinator records that a member asked for their personal data to be erased (GDPR art. 17).
 * Nothing is erased yet: a second coordinator, or the member themselves, confirms it first.
 */
public record RequestErasure(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        MemberId memberId,
        LocalDate businessDate,
        MemberId actor) {
}
