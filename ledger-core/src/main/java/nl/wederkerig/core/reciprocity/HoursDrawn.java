package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;

import java.time.Instant;
import java.time.LocalDate;

/** The partner drew {@code hours} of volunteer time from the initiative. */
public record HoursDrawn(
        PartnerId partnerId,
        CommunityId communityId,
        CommandId commandId,
        InitiativeId initiativeId,
        Hours hours,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) implements ReciprocityEntry {
}
