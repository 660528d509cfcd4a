package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The fund's bank account is the one with {@code iban}. The initiative's own account, not a
 * person's: kept in clear. No journal entry.
 */
public record BankAccountLinked(
        InitiativeId initiativeId,
        CommunityId communityId,
        CommandId commandId,
        Iban iban,
        ActingAs actingAs,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
