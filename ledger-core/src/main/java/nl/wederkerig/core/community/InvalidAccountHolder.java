package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/** The name on the account is missing or too long for a bank transfer (EPC069-12 allows 70 characters). */
public final class InvalidAccountHolder extends RuleViolation {

    public InvalidAccountHolder() {
        super("give the name on the account, 1 to " + AccountHolder.MAX_LENGTH_CHARS + " characters");
    }

    @Override
    public String code() {
        return "account-holder-invalid";
    }
}
