package nl.wederkerig.core.shared;

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
