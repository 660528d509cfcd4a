package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.CreatesRecord;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A volunteer (the actor, who is the claimant) claims back what they paid for an initiative from their own pocket, with the receipt's reference. The claim id is the command id. */
public record SubmitClaim(
        @TargetAggregateIdentifier ClaimId claimId,
        CommunityId communityId,
        InitiativeId initiativeId,
        Money amount,
        ExpenseCategory category,
        ReceiptReference receipt,
        LocalDate businessDate,
        MemberId actor) implements CreatesRecord {
}
