package nl.wederkerig.core.funds;

import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Pays an approved claim from {@code channel}. Sent by {@link ClaimPayments} with the claim's state read in the same unit of work (claimant, amount, approver); clients send {@link PayApprovedClaim}. */
public record PayClaim(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommandId commandId,
        ClaimId claimId,
        MemberId claimant,
        Money amount,
        MemberId approvedBy,
        Channel channel,
        LocalDate businessDate,
        MemberId actor) {
}
