package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** The actor withdrew their payout details. Moves no money: it has no journal entry. */
public record PayoutDetailsRemoved(
        CommunityId communityId,
        CommandId commandId,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
