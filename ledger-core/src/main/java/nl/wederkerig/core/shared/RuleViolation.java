package nl.wederkerig.core.shared;

/**
 * A command broke a business rule: nothing was recorded. Each rule has its own subclass with a
 * stable {@link #code()}, so callers (the HTTP API, pages) react to the type, never to the message.
 */
public abstract class RuleViolation extends RuntimeException {

    protected RuleViolation(String message) {
        // No stack trace: a broken rule is an expected answer, not a fault, and is never logged as one.
        super(message, null, false, false);
    }

    /** Stable, kebab-case name of the rule, e.g. {@code over-reimbursement}. Part of the API contract. */
    public abstract String code();
}
