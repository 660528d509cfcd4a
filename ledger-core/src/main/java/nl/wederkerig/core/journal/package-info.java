/**
 * The journal: every money and hours event as a balanced double-entry entry over hledger account names, in
 * EUR cents and minutes of help. See docs/ledger-model.md for the chart of accounts.
 */
package nl.wederkerig.core.journal;
