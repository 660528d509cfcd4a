package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * A treasurer closes the fund's books up to and including {@code periodEnd}: allowed only when the
 * ledger's bank balance at the end of that day equals the bank statement's, and no bank line of
 * the period is unmatched.
 */
public record ClosePeriod(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommandId commandId,
        LocalDate periodEnd,
        LocalDate businessDate,
        MemberId actor) {
}
