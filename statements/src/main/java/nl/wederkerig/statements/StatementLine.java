package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One booked line of a bank statement, whatever the format it came from.
 *
 * <p>Everything here except the dates, the amount and {@link #reference()} may be personal data
 * (a counterparty's name and account, a description a person wrote): an application seals
 * {@link #detailsText()} before it goes into an event, and keeps only pseudonyms in clear
 * ({@link CounterpartyKeys}, {@link #paymentReference()}).
 *
 * @param position            1-based position of the line within its statement, in file order
 * @param bookingDate         the day the bank booked it (the date the ledger uses)
 * @param valueDate           the day interest counts from; the booking date where the format has none
 * @param amount              signed, exact, EUR: positive is money in, negative money out
 * @param counterpartyName    the other party's name as the bank gives it, or {@code null}
 * @param counterpartyAccount the other party's account as the bank gives it (an IBAN or a national number), or {@code null}
 * @param description         the payment description (remittance information), never {@code null}
 * @param reference           the bank's entry reference, or the documented content hash
 * @param balanceAfter        the balance after this line where the format states it per line, else {@code null}
 * @param sourceText          the line as it stood in the file (at most {@link #MAX_SOURCE_CHARS} characters)
 */
public record StatementLine(
        int position,
        LocalDate bookingDate,
        LocalDate valueDate,
        Money amount,
        String counterpartyName,
        String counterpartyAccount,
        String description,
        EntryReference reference,
        Money balanceAfter,
        String sourceText) {

    /** Longest original text kept per line; longer text (a verbose CAMT entry) is cut, marked with an ellipsis. */
    public static final int MAX_SOURCE_CHARS = 2_000;
    /** Longest text {@link #detailsText()} returns: fits one {@code SealedText} (4,096 base64 characters) even at 3 bytes a character. */
    public static final int MAX_DETAILS_CHARS = 1_000;
    /** Longest description kept; remittance information is at most 140 characters per SEPA, a few fields joined stay far below. */
    public static final int MAX_DESCRIPTION_CHARS = 1_000;
    /** Longest name kept (SEPA allows 70). */
    public static final int MAX_NAME_CHARS = 140;

    public StatementLine {
        Objects.requireNonNull(bookingDate, "booking date");
        Objects.requireNonNull(valueDate, "value date");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reference, "reference");
        if (!Money.EUR.equals(amount.currency())) {
            throw new IllegalArgumentException("a statement line is in EUR");
        }
        if (position < 1) {
            throw new IllegalArgumentException("position starts at 1");
        }
        counterpartyName = cut(blankToNull(counterpartyName), MAX_NAME_CHARS);
        counterpartyAccount = cut(blankToNull(counterpartyAccount), 64);
        description = description == null ? "" : cut(description.strip(), MAX_DESCRIPTION_CHARS);
        sourceText = sourceText == null ? "" : cut(sourceText, MAX_SOURCE_CHARS);
    }

    /** The counterparty's account when it is a valid IBAN. */
    public Optional<Iban> counterpartyIban() {
        return Iban.isValid(counterpartyAccount) ? Optional.of(Iban.parse(counterpartyAccount)) : Optional.empty();
    }

    /** The id after {@code WDK-} in the description, lower case (the app puts it in every payment it asks for). */
    public Optional<String> paymentReference() {
        return PaymentReferences.find(description);
    }

    /**
     * The personal part of the line as one text to seal: name, account, description and the original
     * line, at most {@link #MAX_DETAILS_CHARS} characters (the original line is cut first).
     */
    public String detailsText() {
        return detailsText(MAX_DETAILS_CHARS);
    }

    /** {@link #detailsText()} in at most {@code maxChars} characters (a cipher may seal less than a {@code SealedText} holds). */
    public String detailsText(int maxChars) {
        int max = Math.min(maxChars, MAX_DETAILS_CHARS);
        String head = "name: " + Objects.toString(counterpartyName, "") + "\naccount: " + Objects.toString(counterpartyAccount, "")
                + "\ndescription: " + description;
        head = cut(head, max);
        int room = max - head.length() - "\nsource: ".length();
        return room <= 1 ? head : head + "\nsource: " + cut(sourceText, room);
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "\u2026";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
