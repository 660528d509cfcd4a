package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.SealedText;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of an imported bank statement, as the ledger keeps it. Only what is not personal is in
 * clear: the line's id, dates, amount, the app's payment reference found in it, and a pseudonym of
 * the counterparty. The counterparty's name and account, the description and the original line's
 * text are in {@code details}, sealed by the application (see docs/ledger-model.md, "Reconciliation").
 *
 * @param amount signed: positive is money into the account, negative money out
 */
public record BankLine(
        BankLineId lineId,
        LocalDate bookingDate,
        LocalDate valueDate,
        Money amount,
        PaymentReference reference,
        CounterpartyKey counterparty,
        SealedText details) {

    public BankLine {
        Objects.requireNonNull(lineId, "line id is missing");
        Objects.requireNonNull(bookingDate, "booking date is missing");
        Objects.requireNonNull(valueDate, "value date is missing");
        Objects.requireNonNull(amount, "amount is missing");
    }
}
