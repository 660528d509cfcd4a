package nl.wederkerig.core.shared;

/** A record exists but is in a state where this step does not apply (e.g. reporting an errand twice). */
public final class InWrongState extends RuleViolation {

    private final String code;

    /** @param what the kind of record, kebab-case (errand, claim, help): the code becomes {@code <what>-not-in-this-state} */
    public InWrongState(String what, Object id, Enum<?> status, String step) {
        super(what + " " + id + " is " + status.name().toLowerCase() + ": cannot " + step);
        this.code = what + "-not-in-this-state";
    }

    @Override
    public String code() {
        return code;
    }
}
