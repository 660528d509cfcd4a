package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.RuleViolation;

/** An advance was made in a currency the ledger does not keep books in. */
public final class UnsupportedCurrency extends RuleViolation {

    public UnsupportedCurrency(java.util.Currency currency) {
        super("the ledger keeps books in EUR only, not " + currency);
    }

    @Override
    public String code() {
        return "unsupported-currency";
    }
}
