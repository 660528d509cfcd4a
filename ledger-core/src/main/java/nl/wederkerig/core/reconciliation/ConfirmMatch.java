package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * A treasurer confirms that bank lines and fund entries are the same money: one line and several
 * entries, several lines and one entry, or several of each, as long as the amounts are equal. A
 * proposal is never applied by itself: this command is the confirmation.
 *
 * @param entryIds the command ids of fund entries that moved the bank (contributions, expenses,
 *                 transfers, claim payments, reversals)
 */
public record ConfirmMatch(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommandId commandId,
        List<BankLineId> lineIds,
        List<CommandId> entryIds,
        LocalDate businessDate,
        MemberId actor) {

    public ConfirmMatch {
        lineIds = lineIds == null ? null : List.copyOf(lineIds);
        entryIds = entryIds == null ? null : List.copyOf(entryIds);
    }
}
