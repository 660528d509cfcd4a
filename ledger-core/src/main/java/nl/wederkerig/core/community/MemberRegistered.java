package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** A member joined the community (and holds the NEIGHBOUR role). */
public record MemberRegistered(
        CommunityId communityId,
        CommandId commandId,
        MemberId memberId,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
