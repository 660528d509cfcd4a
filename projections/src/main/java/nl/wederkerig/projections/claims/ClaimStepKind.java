package nl.wederkerig.projections.claims;

/** A step in a claim's life, as its history lists it. */
public enum ClaimStepKind {
    SUBMITTED,
    APPROVED,
    REJECTED,
    PAID,
    /** The fund's payment was reversed: the claim is approved and unpaid again. */
    PAYMENT_REVERSED,
    /** Whoever decides asked the claimant a question (the question is a {@link ClaimNote}). */
    INFORMATION_REQUESTED,
    /** The claimant answered (the answer is a {@link ClaimNote}); the claim awaits a decision again. */
    INFORMATION_PROVIDED,
    /**
     * A bank line was matched to the fund's payment of the claim (or the payment was booked from it).
     * A payment recorded by hand has no such step until its bank line is matched.
     */
    PAYMENT_MATCHED
}
