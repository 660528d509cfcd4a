package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * A treasurer imports one bank statement of the fund's account: every line in it, new or imported
 * before. The statement id is the client's id for this import (a retry imports nothing twice).
 * Handled by the fund, which answers with a {@link StatementImportOutcome}.
 *
 * @param openingBalance the statement's opening balance, or {@code null} where the format has none
 * @param closingBalance the statement's closing balance, or {@code null} where the format has none
 */
public record ImportStatement(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommandId statementId,
        Iban iban,
        StatementSource source,
        LocalDate from,
        LocalDate to,
        Money openingBalance,
        Money closingBalance,
        List<BankLine> lines,
        LocalDate businessDate,
        MemberId actor) {

    public ImportStatement {
        lines = lines == null ? null : List.copyOf(lines);
    }
}
