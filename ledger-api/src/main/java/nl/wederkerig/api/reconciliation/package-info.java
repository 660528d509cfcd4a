/**
 * The treasurer's reconciliation of an initiative's fund with its bank account: linking the
 * account, importing statements (CAMT.053, MT940, bank CSV), matching lines to fund entries or
 * booking them, and closing and reopening periods. One application service ({@link
 * nl.wederkerig.api.reconciliation.Reconciliations}), its REST controller and its pages.
 */
package nl.wederkerig.api.reconciliation;
