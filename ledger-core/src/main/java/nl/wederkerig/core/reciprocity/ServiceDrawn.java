package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;

import java.time.Instant;
import java.time.LocalDate;

/** The partner drew {@code count} services of {@code category}. Counted, not valued: no journal entry. */
public record ServiceDrawn(
        PartnerId partnerId,
        CommunityId communityId,
        CommandId commandId,
        InitiativeId initiativeId,
        ServiceCategory category,
        int count,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) implements ReciprocityEntry {
}
