package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.RuleViolation;

/** A treasurer tried to approve (or reject) their own claim, or a payment named the claimant as approver: four eyes, always. */
public final class OwnClaimApproval extends RuleViolation {

    public OwnClaimApproval(Object member) {
        super("member " + member + " may not decide on their own claim");
    }

    @Override
    public String code() {
        return "own-claim-approval";
    }
}
