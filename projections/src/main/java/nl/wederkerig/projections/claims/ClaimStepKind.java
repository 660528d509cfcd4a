package nl.wederkerig.projections.claims;

/** A step in a claim's life, as its history lists it. */
public enum ClaimStepKind {
    SUBMITTED,
    APPROVED,
    REJECTED,
    PAID,
    /** The fund's payment was reversed: the claim is approved and unpaid again. */
    PAYMENT_REVERSED
}
