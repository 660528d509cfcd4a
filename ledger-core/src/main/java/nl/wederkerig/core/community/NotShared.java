package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.RuleViolation;

/** There is no consent to withdraw: the trust history is not shared with this viewer. */
public final class NotShared extends RuleViolation {

    public NotShared(MemberId viewer) {
        super("the trust history is not shared with " + viewer);
    }

    @Override
    public String code() {
        return "not-shared";
    }
}
