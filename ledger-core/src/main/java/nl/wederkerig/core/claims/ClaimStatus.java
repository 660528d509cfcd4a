package nl.wederkerig.core.claims;

/** Where a claim stands. Whether an approved claim is paid is the fund's business (it pays, and may reverse a payment). */
public enum ClaimStatus {
    SUBMITTED,
    APPROVED,
    REJECTED
}
