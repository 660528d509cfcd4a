package nl.wederkerig.core.funds;

import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A treasurer books an unmatched bank line of money in as a contribution, in one step: the fund
 * records the contribution (into the bank, for the line's amount, dated on the line's booking day,
 * by the same rules as {@link RecordContribution}) and matches it to the line.
 */
public record RecordContributionFromBankLine(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommandId commandId,
        BankLineId lineId,
        ContributionSource source,
        PartnerId partnerId,
        MemberId actor) {
}
