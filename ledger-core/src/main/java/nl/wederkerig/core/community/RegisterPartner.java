package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A coordinator registers a partner the community gives to and receives from. */
public record RegisterPartner(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        PartnerId partnerId,
        PartnerKind kind,
        LocalDate businessDate,
        MemberId actor) {
}
