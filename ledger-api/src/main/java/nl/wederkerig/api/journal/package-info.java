/** The community's book as a double-entry journal, for hledger, ledger-cli and spreadsheets. */
package nl.wederkerig.api.journal;
