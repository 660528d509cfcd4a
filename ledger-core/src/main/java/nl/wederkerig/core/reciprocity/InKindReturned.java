package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;

import java.time.Instant;
import java.time.LocalDate;

/** The partner returned {@code category} in kind, valued at {@code value}. */
public record InKindReturned(
        PartnerId partnerId,
        CommunityId communityId,
        CommandId commandId,
        InitiativeId initiativeId,
        InKindCategory category,
        Money value,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) implements ReciprocityEntry {
}
