package nl.wederkerig.core.corrections;

/** Why an entry is reversed; closed so that no free text enters the book. */
public enum ReversalReason {
    ENTERED_IN_ERROR,
    WRONG_AMOUNT,
    WRONG_DATE,
    WRONG_CHANNEL_OR_CATEGORY,
    DUPLICATE,
    RETURNED_BY_BANK,
    OTHER
}
