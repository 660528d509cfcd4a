package nl.wederkerig.core.funds;

import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pays an approved claim by a bank line; sent by {@link ClaimPayments} with the claim's state read in the same unit of work. */
public record PayClaimFromBankLine(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommandId commandId,
        ClaimId claimId,
        MemberId claimant,
        Money amount,
        MemberId approvedBy,
        BankLineId lineId,
        MemberId actor) {
}
