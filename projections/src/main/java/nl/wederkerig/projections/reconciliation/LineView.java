package nl.wederkerig.projections.reconciliation;

import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.reconciliation.CounterpartyKey;
import nl.wederkerig.core.reconciliation.PaymentReference;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.SealedText;

import java.time.LocalDate;

/**
 * A bank line as the read model keeps it. {@code details} is sealed: the application opens it with
 * the key named in it (the counterparty's name and account, the description and the original line's
 * text); the read model never sees them in clear.
 *
 * @param statementId the statement that first brought the line
 * @param matchId     the match it is in, or null while unmatched
 */
public record LineView(
        BankLineId lineId,
        LocalDate bookingDate,
        LocalDate valueDate,
        Money amount,
        PaymentReference reference,
        CounterpartyKey counterparty,
        SealedText details,
        CommandId statementId,
        CommandId matchId) {

    public boolean matched() {
        return matchId != null;
    }
}
