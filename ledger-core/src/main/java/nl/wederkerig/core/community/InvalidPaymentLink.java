package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.RuleViolation;

/**
 * Not a payment link we show: only an https address with a plain host name, at most
 * {@link PaymentLink#MAX_LENGTH_CHARS} characters. The message never repeats the link: it may
 * identify the person.
 */
public final class InvalidPaymentLink extends RuleViolation {

    public InvalidPaymentLink() {
        super("not a payment link: give an https address (such as a Tikkie or bunq.me link) of at most "
                + PaymentLink.MAX_LENGTH_CHARS + " characters");
    }

    @Override
    public String code() {
        return "payment-link-invalid";
    }
}
