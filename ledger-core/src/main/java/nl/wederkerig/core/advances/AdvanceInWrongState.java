package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.RuleViolation;

/** The advance is open, but in a state where this step does not apply (e.g. cancelling after acknowledgement). */
public final class AdvanceInWrongState extends RuleViolation {

    public AdvanceInWrongState(AdvanceId advanceId, AdvanceStatus status, String what) {
        super("advance " + advanceId + " is " + status.name().toLowerCase() + ": cannot " + what);
    }

    @Override
    public String code() {
        return "advance-not-in-this-state";
    }
}
