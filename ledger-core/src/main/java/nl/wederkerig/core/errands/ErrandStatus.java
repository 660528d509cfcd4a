package nl.wederkerig.core.errands;

/** Where an errand stands. */
public enum ErrandStatus {
    /** Cash handed over, spending not yet reported. */
    STARTED,
    /** Spending reported; change still to be handed back. */
    CHANGE_DUE,
    /** Everything accounted for. */
    DONE
}
