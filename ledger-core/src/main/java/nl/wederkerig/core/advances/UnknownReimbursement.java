package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.RuleViolation;

/** A confirmation named a reimbursement this advance does not have. */
public final class UnknownReimbursement extends RuleViolation {

    public UnknownReimbursement(nl.wederkerig.core.shared.CommandId reimbursementId) {
        super("no reimbursement " + reimbursementId + " on this advance");
    }

    @Override
    public String code() {
        return "unknown-reimbursement";
    }
}
