package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** A neighbour (the actor) consented to {@code helper} recording advances and help on their behalf. */
public record HelperNamed(
        CommunityId communityId,
        CommandId commandId,
        MemberId helper,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
