package nl.wederkerig.projections.claims;

/** Where a claim stands, the fund's payment included (the claim aggregate itself stops at approved). */
public enum ClaimState {
    SUBMITTED,
    APPROVED,
    REJECTED,
    PAID
}
