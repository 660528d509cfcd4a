package nl.wederkerig.core.shared;

/**
 * Not a valid IBAN: wrong shape, wrong length for its country, or the check digits do not match
 * (ISO 13616, mod 97). The message never repeats the number: it may be someone's account.
 */
public final class InvalidIban extends RuleViolation {

    public InvalidIban() {
        super("not a valid IBAN: check the country code, the length and the two check digits");
    }

    @Override
    public String code() {
        return "iban-invalid";
    }
}
