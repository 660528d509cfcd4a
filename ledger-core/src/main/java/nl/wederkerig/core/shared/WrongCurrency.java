package nl.wederkerig.core.shared;

import java.util.Currency;

/** An amount was in a currency other than the one the rule expects. */
public final class WrongCurrency extends RuleViolation {

    public WrongCurrency(Currency expected, Currency given) {
        super("expected an amount in " + expected + ", got " + given);
    }

    @Override
    public String code() {
        return "wrong-currency";
    }
}
