package nl.wederkerig.api.logins;

import nl.wederkerig.core.shared.RuleViolation;

/**
 * A member's login would take a username that is already someone's account. Checked before the
 * member is registered, so nothing is recorded.
 */
public final class UsernameTaken extends RuleViolation {

    public UsernameTaken(String username) {
        super("the username " + username + " is already taken");
    }

    @Override
    public String code() {
        return "username-taken";
    }
}
