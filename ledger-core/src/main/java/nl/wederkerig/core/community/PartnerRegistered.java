package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** A partner was registered. */
public record PartnerRegistered(
        CommunityId communityId,
        CommandId commandId,
        PartnerId partnerId,
        PartnerKind kind,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
