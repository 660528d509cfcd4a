package nl.wederkerig.projections.claims;

/** Where a claim stands, the fund's payment included (the claim aggregate itself stops at approved). */
public enum ClaimState {
    SUBMITTED,
    /** A question went back to the claimant; their answer submits it again. */
    NEEDS_INFORMATION,
    APPROVED,
    REJECTED,
    PAID
}
