package nl.wederkerig.core.claims;

/** Why a treasurer rejects a claim; a closed list, refined if needed by a {@code ReasonCode}. */
public enum RejectionReason {
    RECEIPT_UNREADABLE,
    NOT_AN_INITIATIVE_COST,
    AMOUNT_DIFFERS_FROM_RECEIPT,
    DUPLICATE,
    NO_BUDGET,
    OTHER
}
