package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.shared.RuleViolation;

/** A count of services was below one or above the limit for one entry. */
public final class ServiceCountOutOfRange extends RuleViolation {

    public ServiceCountOutOfRange(int count, int max) {
        super("a service count must be 1 to " + max + ", was " + count);
    }

    @Override
    public String code() {
        return "service-count-out-of-range";
    }
}
