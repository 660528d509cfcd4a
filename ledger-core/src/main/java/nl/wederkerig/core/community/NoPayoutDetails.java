package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.RuleViolation;

/** The member has no payout details recorded: there is nothing to remove. */
public final class NoPayoutDetails extends RuleViolation {

    public NoPayoutDetails(MemberId member) {
        super(member + " has no payout details recorded");
    }

    @Override
    public String code() {
        return "no-payout-details";
    }
}
