package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.RuleViolation;

/** There is no consent to withdraw: this member was not named as helper. */
public final class NotAHelper extends RuleViolation {

    public NotAHelper(MemberId helper) {
        super(helper + " is not named as helper");
    }

    @Override
    public String code() {
        return "not-a-helper";
    }
}
