package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** A community was founded; {@code founder} is from now on a member and its first coordinator. */
public record CommunityFounded(
        CommunityId communityId,
        MemberId founder,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
