package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.RuleViolation;

/** Lender and borrower were the same member. */
public final class SelfAdvance extends RuleViolation {

    public SelfAdvance() {
        super("a neighbour cannot advance money to themselves");
    }

    @Override
    public String code() {
        return "self-advance";
    }
}
