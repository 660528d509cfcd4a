package nl.wederkerig.core.advances;

/** Why a borrower disputes an advance; a closed list for the same reason as {@link Purpose}. */
public enum DisputeReason {
    AMOUNT_WRONG,
    NOT_FOR_ME,
    ALREADY_PAID,
    OTHER
}
