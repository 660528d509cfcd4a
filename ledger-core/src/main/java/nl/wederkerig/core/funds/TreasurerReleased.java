package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** The member no longer records this fund's money. */
public record TreasurerReleased(
        InitiativeId initiativeId,
        CommunityId communityId,
        CommandId commandId,
        MemberId member,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
