package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** A member's role was taken away. */
public record RoleRevoked(
        CommunityId communityId,
        CommandId commandId,
        MemberId memberId,
        Role role,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
