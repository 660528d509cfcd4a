package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.core.shared.SealedText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The claimant answers the question about their claim (sealed with their own key), optionally with a
 * new receipt; the claim is submitted again for a decision.
 */
public record ProvideClaimInformation(
        @TargetAggregateIdentifier ClaimId claimId,
        CommandId commandId,
        SealedText answer,
        ReceiptReference receipt,
        LocalDate businessDate,
        MemberId actor) {
}
