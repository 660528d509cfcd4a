package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** The community got the name people know it by (at founding, or a coordinator renamed it). */
public record CommunityNamed(
        CommunityId communityId,
        CommunityName name,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
