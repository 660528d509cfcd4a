package nl.wederkerig.core.community;

/**
 * The name on a neighbour's bank account, in clear between the form and the cipher (it is sealed
 * before it enters an event). A bank transfer needs it, and banks check it against the IBAN
 * (verification of payee), so the pseudonymous member id will not do.
 */
public record AccountHolder(String value) {

    /** EPC069-12 allows 70 characters for the beneficiary's name. */
    public static final int MAX_LENGTH_CHARS = 70;

    public AccountHolder {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH_CHARS || !value.equals(value.strip())
                || value.chars().anyMatch(Character::isISOControl)) {
            // A line break would add a line to the QR code's payload: never in a name.
            throw new InvalidAccountHolder();
        }
    }

    /** Reads what a person typed, without the spaces around it. */
    public static AccountHolder parse(String text) {
        if (text == null) {
            throw new InvalidAccountHolder();
        }
        return new AccountHolder(text.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
