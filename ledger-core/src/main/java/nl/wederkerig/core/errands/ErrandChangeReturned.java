package nl.wederkerig.core.errands;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

/** The helper handed back {@code amount} of change; the errand is done. */
public record ErrandChangeReturned(
        ErrandId errandId,
        CommunityId communityId,
        CommandId commandId,
        MemberId asker,
        MemberId helper,
        Money amount,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
