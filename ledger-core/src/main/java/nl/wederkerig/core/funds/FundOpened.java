package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** An initiative's fund was opened, empty. */
public record FundOpened(
        InitiativeId initiativeId,
        CommunityId communityId,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
