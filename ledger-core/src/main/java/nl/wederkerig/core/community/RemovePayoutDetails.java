package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A neighbour (the actor) withdraws their payout details: nobody is shown their IBAN or link any more. */
public record RemovePayoutDetails(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        LocalDate businessDate,
        MemberId actor) {
}
