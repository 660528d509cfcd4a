/**
 * The whole book as a balanced double-entry journal: entries and postings per event, exported as
 * hledger journal text or CSV, and account balances as of any business date.
 */
package nl.wederkerig.projections.journal;
