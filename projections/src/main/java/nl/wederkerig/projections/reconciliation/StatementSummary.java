package nl.wederkerig.projections.reconciliation;

import nl.wederkerig.core.reconciliation.Continuity;
import nl.wederkerig.core.reconciliation.StatementSource;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/** One imported statement: its period, balances (null where the format has none) and what it brought. */
public record StatementSummary(
        CommandId statementId,
        StatementSource source,
        LocalDate from,
        LocalDate to,
        Money openingBalance,
        Money closingBalance,
        Continuity continuity,
        int lines,
        int newLines,
        int alreadyImported,
        LocalDate importedOn,
        MemberId importedBy) {
}
