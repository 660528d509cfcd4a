package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.RuleViolation;

/** The advance is settled, forgiven or cancelled: it takes no further reimbursements or changes. */
public final class AdvanceClosed extends RuleViolation {

    public AdvanceClosed(AdvanceId advanceId, AdvanceStatus status) {
        super("advance " + advanceId + " is " + status.name().toLowerCase() + " and takes no further changes");
    }

    @Override
    public String code() {
        return "advance-closed";
    }
}
