package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** A member was given a role. */
public record RoleAssigned(
        CommunityId communityId,
        CommandId commandId,
        MemberId memberId,
        Role role,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
