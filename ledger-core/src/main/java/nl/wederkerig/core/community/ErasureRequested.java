package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** A coordinator (the actor) recorded a member's request to have their personal data erased. */
public record ErasureRequested(
        CommunityId communityId,
        CommandId commandId,
        MemberId memberId,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
