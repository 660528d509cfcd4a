package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.ReasonCode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The close {@code closeId} (through {@code periodEnd}) no longer holds: entries may again be dated
 * in its period. The books stay closed through {@code closedThrough} (the close before it), or not
 * at all when {@code null}. The exported journal leaves the close's balance assertion out from
 * now on (a later close asserts the new balance). No journal entry.
 */
public record PeriodReopened(
        InitiativeId initiativeId,
        CommunityId communityId,
        CommandId commandId,
        CommandId closeId,
        LocalDate periodEnd,
        LocalDate closedThrough,
        ReopenReason reason,
        ReasonCode reasonCode,
        ActingAs actingAs,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
