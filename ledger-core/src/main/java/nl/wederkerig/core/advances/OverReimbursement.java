package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.RuleViolation;

/** A reimbursement was larger than what is still outstanding. */
public final class OverReimbursement extends RuleViolation {

    public OverReimbursement(Money amount, Money outstanding) {
        super("reimbursement of " + amount + " is more than the " + outstanding + " still outstanding");
    }

    @Override
    public String code() {
        return "over-reimbursement";
    }
}
