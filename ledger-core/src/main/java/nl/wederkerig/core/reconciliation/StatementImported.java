package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A statement of the fund's account was imported. {@code newLines} are the lines the ledger did not
 * have; {@code alreadyImported} the ids of its lines that an earlier statement brought (shown as
 * such, never silently dropped). {@code contentHash} fingerprints the import's non-personal content,
 * so a retry with the same statement id is recognised. No journal entry: a bank line is not a
 * booking until it is matched or booked as a fund entry.
 */
public record StatementImported(
        InitiativeId initiativeId,
        CommunityId communityId,
        CommandId statementId,
        Iban iban,
        StatementSource source,
        LocalDate from,
        LocalDate to,
        Money openingBalance,
        Money closingBalance,
        Continuity continuity,
        List<BankLine> newLines,
        List<BankLineId> alreadyImported,
        String contentHash,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {

    public StatementImported {
        newLines = List.copyOf(newLines);
        alreadyImported = List.copyOf(alreadyImported);
    }
}
