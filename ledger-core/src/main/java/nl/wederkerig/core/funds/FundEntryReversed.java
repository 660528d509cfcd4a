package nl.wederkerig.core.funds;

import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** The money entry {@code original} (made by command {@code original.commandId()}) was reversed; its journal entry is the exact mirror of the original's, dated {@code businessDate}. */
public record FundEntryReversed(
        InitiativeId initiativeId,
        CommunityId communityId,
        CommandId commandId,
        FundMoneyEvent original,
        ReversalReason reason,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
