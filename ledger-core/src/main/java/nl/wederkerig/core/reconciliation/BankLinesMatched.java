package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Bank lines and fund entries were matched: together they are {@code amount} (signed, as the bank
 * sees it). When the only entry is this event's own command id, the entry was booked from the line
 * in the same step ({@code RecordContributionFromBankLine}, {@code RecordExpenseFromBankLine},
 * {@code PayApprovedClaimFromBankLine}). No journal entry: the entries booked the money.
 */
public record BankLinesMatched(
        InitiativeId initiativeId,
        CommunityId communityId,
        CommandId commandId,
        List<BankLineId> lineIds,
        List<CommandId> entryIds,
        Money amount,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {

    public BankLinesMatched {
        lineIds = List.copyOf(lineIds);
        entryIds = List.copyOf(entryIds);
    }

    /** Whether the entry was booked from the line by this same step. */
    public boolean bookedFromLine() {
        return entryIds.size() == 1 && entryIds.get(0).equals(commandId);
    }
}
