package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A coordinator registers a neighbour by pseudonymous id; name and contact details live outside the ledger, encrypted. */
public record RegisterMember(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        MemberId memberId,
        LocalDate businessDate,
        MemberId actor) {
}
