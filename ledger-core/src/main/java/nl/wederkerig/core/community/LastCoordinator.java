package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** The last coordinator's role cannot be revoked: someone must be able to administer the community. */
public final class LastCoordinator extends RuleViolation {

    public LastCoordinator() {
        super("the last coordinator cannot lose that role");
    }

    @Override
    public String code() {
        return "last-coordinator";
    }
}
