package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A second coordinator, or the member themselves, confirms a recorded erasure request: then it happens. */
public record ConfirmErasure(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        MemberId memberId,
        LocalDate businessDate,
        MemberId actor) {
}
