package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.RuleViolation;

/** The lender already confirmed receipt of this reimbursement. */
public final class ReimbursementAlreadyConfirmed extends RuleViolation {

    public ReimbursementAlreadyConfirmed(CommandId reimbursementId) {
        super("receipt of reimbursement " + reimbursementId + " was already confirmed");
    }

    @Override
    public String code() {
        return "reimbursement-already-confirmed";
    }
}
