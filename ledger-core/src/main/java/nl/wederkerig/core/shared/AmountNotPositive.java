package nl.wederkerig.core.shared;

/** An amount that must be more than zero was zero or negative. */
public final class AmountNotPositive extends RuleViolation {

    public AmountNotPositive(Money amount) {
        super("amount must be more than zero, was " + amount);
    }

    @Override
    public String code() {
        return "amount-not-positive";
    }
}
