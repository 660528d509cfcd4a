package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.SealedText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Whoever may decide the claim asks the claimant for more information before deciding. The question
 * is free text about the claimant's claim: sealed with the claimant's key.
 */
public record RequestClaimInformation(
        @TargetAggregateIdentifier ClaimId claimId,
        CommandId commandId,
        SealedText question,
        LocalDate businessDate,
        MemberId actor) {
}
