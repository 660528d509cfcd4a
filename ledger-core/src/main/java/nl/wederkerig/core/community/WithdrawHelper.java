package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A neighbour (the actor) withdraws their consent: {@code helper} may no longer record on their behalf. */
public record WithdrawHelper(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        MemberId helper,
        LocalDate businessDate,
        MemberId actor) {
}
