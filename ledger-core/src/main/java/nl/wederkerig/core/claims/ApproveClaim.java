package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A treasurer of the claim's initiative approves it (never their own). */
public record ApproveClaim(
        @TargetAggregateIdentifier ClaimId claimId,
        CommandId commandId,
        LocalDate businessDate,
        MemberId actor) {
}
