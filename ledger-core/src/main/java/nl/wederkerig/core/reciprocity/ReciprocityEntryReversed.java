package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;

import java.time.Instant;
import java.time.LocalDate;

/** The entry {@code original} was reversed; its journal entry (if any) is the exact mirror of the original's. */
public record ReciprocityEntryReversed(
        PartnerId partnerId,
        CommunityId communityId,
        CommandId commandId,
        ReciprocityEntry original,
        ReversalReason reason,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
