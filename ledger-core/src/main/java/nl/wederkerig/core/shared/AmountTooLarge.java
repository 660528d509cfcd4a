package nl.wederkerig.core.shared;

/** An amount exceeded the limit a rule sets for it. */
public final class AmountTooLarge extends RuleViolation {

    public AmountTooLarge(Money amount, Money limit) {
        super("amount " + amount + " exceeds the limit of " + limit);
    }

    @Override
    public String code() {
        return "amount-too-large";
    }
}
