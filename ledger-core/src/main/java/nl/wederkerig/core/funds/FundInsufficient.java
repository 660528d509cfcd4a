package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.RuleViolation;

/** The fund does not hold enough in this channel to cover the payment. */
public final class FundInsufficient extends RuleViolation {

    public FundInsufficient(Object balance, Object amount) {
        super("the fund holds " + balance + ", not enough for " + amount);
    }

    @Override
    public String code() {
        return "fund-insufficient";
    }
}
