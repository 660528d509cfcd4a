package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** An erasure of this member was already requested and waits for its confirmation. */
public final class ErasureAlreadyRequested extends RuleViolation {

    public ErasureAlreadyRequested(Object member) {
        super(member + " already has an erasure request waiting for confirmation");
    }

    @Override
    public String code() {
        return "erasure-already-requested";
    }
}
