/**
 * Reconciliation of an initiative's fund with its bank account: the account's IBAN linked to the
 * fund, bank statements imported line by line (each line identified by the bank's entry reference
 * or a documented hash), lines matched to the fund's entries, and periods closed when the ledger's
 * bank balance equals the statement's and no line is unmatched. A close is an event and a balance
 * assertion in the exported journal; nothing may be recorded into a closed period afterwards, and
 * only a second person reopens it.
 *
 * <p>Everything here happens inside the {@code Fund} aggregate's consistency boundary (the fund
 * handles these commands; {@link nl.wederkerig.core.reconciliation.Reconciliation} holds the
 * state), so a close and a back-dated entry can never both succeed.
 */
package nl.wederkerig.core.reconciliation;
