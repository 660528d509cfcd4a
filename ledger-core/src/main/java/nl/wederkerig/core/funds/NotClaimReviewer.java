package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.RuleViolation;

/**
 * Four eyes on claims: a treasurer of the initiative other than the claimant decides a claim; when
 * the claimant is the initiative's only treasurer (or it has none), a coordinator does. Never
 * silently fewer eyes.
 */
public final class NotClaimReviewer extends RuleViolation {

    public NotClaimReviewer(Object member, boolean coordinatorNeeded) {
        super(coordinatorNeeded
                ? "member " + member + " may not decide this claim: the claimant is the initiative's only treasurer, so a coordinator decides"
                : "member " + member + " may not decide this claim: a treasurer of the initiative other than the claimant decides");
    }

    @Override
    public String code() {
        return "claim-reviewer-only";
    }
}
