package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/** A line as a parser read it, before {@link References} gives it its identity. */
record RawLine(
        int position,
        LocalDate bookingDate,
        LocalDate valueDate,
        Money amount,
        String counterpartyName,
        String counterpartyAccount,
        String description,
        Money balanceAfter,
        String sourceText,
        String bankReference) {

    StatementLine identifiedBy(EntryReference reference) {
        return new StatementLine(position, bookingDate, valueDate, amount, counterpartyName, counterpartyAccount, description,
                reference, balanceAfter, sourceText);
    }
}
