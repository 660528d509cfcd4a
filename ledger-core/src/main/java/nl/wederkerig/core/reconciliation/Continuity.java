package nl.wederkerig.core.reconciliation;

/** How a statement relates to the statements of the account imported before it. */
public enum Continuity {
    /** No statement of the account ends before this one starts. */
    FIRST,
    /** It starts the day after the previous one ends and, where both state balances, opens with its closing balance. */
    CONNECTS,
    /** Days or money are missing between the previous statement and this one. */
    GAP,
    /** Its period overlaps one already imported: only its new lines (if any) are added. */
    OVERLAP
}
