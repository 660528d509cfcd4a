/**
 * The bank reconciliation read model ({@link nl.wederkerig.projections.reconciliation.BankReconciliations}):
 * statements and their lines, matches, closes and the reconciliation status per initiative, and the
 * pure {@link nl.wederkerig.projections.reconciliation.Matcher} that proposes entries for bank lines.
 */
package nl.wederkerig.projections.reconciliation;
