package nl.wederkerig.core.claims;

/**
 * Where a claim stands. Whether an approved claim is paid is the fund's business (it pays, and may
 * reverse a payment): a claim shows as paid while the fund's {@code ClaimPaid} for it stands, either
 * recorded by hand or booked from the bank line that names {@code WDK-<claim id>}.
 */
public enum ClaimStatus {
    SUBMITTED,
    /** A question went back to the claimant; their answer submits the claim again. */
    NEEDS_INFORMATION,
    APPROVED,
    REJECTED
}
