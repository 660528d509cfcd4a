package nl.wederkerig.core.shared;

/** A count limit was reached (members in a community, treasurers of a fund, open advances tracked). */
public final class LimitReached extends RuleViolation {

    public LimitReached(String what, int limit) {
        super("at most " + limit + " " + what + " allowed");
    }

    @Override
    public String code() {
        return "limit-reached";
    }
}
