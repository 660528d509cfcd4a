package nl.wederkerig.core.reconciliation;

/** Why a closed period is opened again; a closed list, refined if needed by a {@code ReasonCode}. */
public enum ReopenReason {
    /** The bank corrected a booking in the period. */
    BANK_CORRECTION,
    /** An entry of the period was never recorded. */
    ENTRY_MISSING,
    /** An entry of the period was recorded wrongly. */
    ENTRY_WRONG,
    /** A line was matched to the wrong entry. */
    MATCH_WRONG,
    OTHER
}
