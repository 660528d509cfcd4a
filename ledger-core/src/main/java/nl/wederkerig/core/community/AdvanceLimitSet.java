package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** The community's limit on open advances per borrower, in force for advances made from now on. */
public record AdvanceLimitSet(
        CommunityId communityId,
        CommandId commandId,
        AdvanceLimit limit,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
