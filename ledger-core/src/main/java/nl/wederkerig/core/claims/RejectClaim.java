package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.ReasonCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A treasurer of the claim's initiative rejects it (never their own), with a closed reason and optionally a short code. */
public record RejectClaim(
        @TargetAggregateIdentifier ClaimId claimId,
        CommandId commandId,
        RejectionReason reason,
        ReasonCode reasonCode,
        LocalDate businessDate,
        MemberId actor) {
}
