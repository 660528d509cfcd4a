package nl.wederkerig.projections.reconciliation;

import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/**
 * Where an initiative's reconciliation stands, at the end of the latest imported statement that
 * states a closing balance ({@code asOf}).
 *
 * <p>{@code difference = statementClosingBalance - ledgerBankBalance}; it reads 0.00 when the books
 * agree with the bank. When the ledger's bank balance before the first statement equals that
 * statement's opening balance, it is exactly {@code unmatchedLinesTotal - unmatchedEntriesTotal}:
 * what the bank booked that the ledger has not matched, less what the ledger booked that the bank has
 * not shown. Fields the statements cannot give (a CSV without balances) are null.
 *
 * @param unmatchedLines       bank lines booked on or before {@code asOf} and in no match
 * @param unmatchedEntries     fund entries that moved the bank, dated from the first statement's first day
 *                             through {@code asOf}, in no match
 * @param lastClosedPeriodEnd  the last day of the latest close in force, or null
 * @param lastImportedOn       the business date of the latest import, or null
 */
public record ReconciliationStatus(
        InitiativeId initiative,
        Iban iban,
        LocalDate asOf,
        Money statementClosingBalance,
        Money ledgerBankBalance,
        Money difference,
        int unmatchedLines,
        Money unmatchedLinesTotal,
        int unmatchedEntries,
        Money unmatchedEntriesTotal,
        LocalDate lastClosedPeriodEnd,
        LocalDate lastImportedOn) {
}
