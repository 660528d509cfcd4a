package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.RuleViolation;

/** The cash box would hold less than nothing: cash cannot be spent that is not there. */
public final class CashBoxNegative extends RuleViolation {

    public CashBoxNegative(Object balance, Object amount) {
        super("the cash box holds " + balance + ", not enough for " + amount);
    }

    @Override
    public String code() {
        return "cash-box-negative";
    }
}
