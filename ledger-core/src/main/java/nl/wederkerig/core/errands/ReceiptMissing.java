package nl.wederkerig.core.errands;

import nl.wederkerig.core.shared.RuleViolation;

/** Money was spent but no receipt reference was given. */
public final class ReceiptMissing extends RuleViolation {

    public ReceiptMissing() {
        super("spending needs a receipt reference");
    }

    @Override
    public String code() {
        return "receipt-missing";
    }
}
