package nl.wederkerig.core.errands;

import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

/** The asker handed the helper {@code entrusted} in cash; until accounted for, the helper holds it for the asker. */
public record ErrandStarted(
        ErrandId errandId,
        CommunityId communityId,
        MemberId asker,
        MemberId helper,
        Money entrusted,
        Purpose purpose,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
