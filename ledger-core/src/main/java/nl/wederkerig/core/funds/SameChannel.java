package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.RuleViolation;

/** A transfer must go from the bank to the cash box or back. */
public final class SameChannel extends RuleViolation {

    public SameChannel() {
        super("a transfer needs two different channels");
    }

    @Override
    public String code() {
        return "same-channel";
    }
}
