package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.RuleViolation;

/** The claim was already paid (reverse that payment first to pay it again). */
public final class ClaimAlreadyPaid extends RuleViolation {

    public ClaimAlreadyPaid(Object claim) {
        super("claim " + claim + " was already paid");
    }

    @Override
    public String code() {
        return "claim-already-paid";
    }
}
