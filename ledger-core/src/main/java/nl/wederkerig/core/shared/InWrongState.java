package nl.wederkerig.core.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A record exists but is in a state where this step does not apply (e.g. reporting an errand twice). */
public final class InWrongState extends RuleViolation {

    /** The kinds of record a step can find in the wrong state; each has its own problem code. */
    public enum Kind {
        CLAIM, ERRAND, HELP;

        /** {@code <kind>-not-in-this-state}, e.g. {@code errand-not-in-this-state}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT) + "-not-in-this-state";
        }
    }

    private final String code;

    public InWrongState(Kind what, Object id, Enum<?> status, String step) {
        super(what.name().toLowerCase(Locale.ROOT) + " " + id + " is " + status.name().toLowerCase(Locale.ROOT)
                + ": cannot " + step);
        this.code = what.code();
    }

    /** Every code this violation can have: one per kind (ProblemTitlesTest gives each a title). */
    public static Set<String> codes() {
        return Arrays.stream(Kind.values()).map(Kind::code).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String code() {
        return code;
    }
}
