package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** A neighbour consented to {@code viewer} seeing their trust history; the neighbour is the actor. */
public record TrustHistoryShared(
        CommunityId communityId,
        CommandId commandId,
        MemberId viewer,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
