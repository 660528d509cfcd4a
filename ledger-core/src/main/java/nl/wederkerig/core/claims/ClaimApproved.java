package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

/** A treasurer approved the claim: the initiative now owes the claimant {@code amount} (an expense of {@code category}). Carries what the journal needs. */
public record ClaimApproved(
        ClaimId claimId,
        CommunityId communityId,
        InitiativeId initiativeId,
        CommandId commandId,
        MemberId claimant,
        Money amount,
        ExpenseCategory category,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
