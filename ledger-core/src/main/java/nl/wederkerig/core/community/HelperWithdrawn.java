package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** A neighbour (the actor) withdrew the consent that let {@code helper} record on their behalf. */
public record HelperWithdrawn(
        CommunityId communityId,
        CommandId commandId,
        MemberId helper,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
