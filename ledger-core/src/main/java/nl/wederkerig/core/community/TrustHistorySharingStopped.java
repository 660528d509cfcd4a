package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** A neighbour withdrew their consent: {@code viewer} no longer sees their trust history. */
public record TrustHistorySharingStopped(
        CommunityId communityId,
        CommandId commandId,
        MemberId viewer,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
