package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** A valuation of a volunteer hour must start today or later, and after the latest one: it must never change past statements. */
public final class ValuationBackdated extends RuleViolation {

    public ValuationBackdated(Object date, Object earliest) {
        super("valuation must take effect on or after " + earliest + ", not " + date);
    }

    @Override
    public String code() {
        return "valuation-backdated";
    }
}
