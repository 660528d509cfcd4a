package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A coordinator sets (or, with {@code AdvanceLimit.NONE}, lifts) the limit on one neighbour's open advances. */
public record SetAdvanceLimit(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        AdvanceLimit limit,
        LocalDate businessDate,
        MemberId actor) {
}
