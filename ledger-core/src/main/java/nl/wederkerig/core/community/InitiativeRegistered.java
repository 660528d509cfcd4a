package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** An initiative was registered; its fund is opened for it (see {@code funds.FundPolicy}). */
public record InitiativeRegistered(
        CommunityId communityId,
        CommandId commandId,
        InitiativeId initiativeId,
        InitiativeKind kind,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
