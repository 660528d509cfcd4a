package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.RuleViolation;

/** The neighbour already shares their trust history with this viewer. */
public final class AlreadyShared extends RuleViolation {

    public AlreadyShared(MemberId viewer) {
        super("the trust history is already shared with " + viewer);
    }

    @Override
    public String code() {
        return "already-shared";
    }
}
