package nl.wederkerig.projections.reconciliation;

import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/**
 * Where an initiative's reconciliation stood at the end of a past day {@code through} (a year's
 * last day for the annual report): what was known then, not what later imports added.
 *
 * @param statementThrough     the last day of the latest statement ending on or before {@code through}
 *                             that states a closing balance, or null when none does
 * @param difference           that statement's closing balance minus the ledger's bank balance on its last
 *                             day (0.00 when the books agreed with the bank), or null without such a statement
 * @param lastClosedPeriodEnd  the last day of the latest close in force ending on or before {@code through}, or null
 */
public record ReconciliationAsOf(LocalDate through, LocalDate statementThrough, Money statementClosingBalance,
                                 Money ledgerBankBalance, Money difference, LocalDate lastClosedPeriodEnd) {

    /** The state of an account that was not linked yet, or had no statement or close by then. */
    public static ReconciliationAsOf nothingBy(LocalDate through) {
        return new ReconciliationAsOf(through, null, null, null, null, null);
    }
}
