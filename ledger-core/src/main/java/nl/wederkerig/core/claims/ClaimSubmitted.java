package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;

import java.time.Instant;
import java.time.LocalDate;

/** A volunteer submitted a claim. No journal entry: nothing is owed until a treasurer approves it. */
public record ClaimSubmitted(
        ClaimId claimId,
        CommunityId communityId,
        InitiativeId initiativeId,
        MemberId claimant,
        Money amount,
        ExpenseCategory category,
        ReceiptReference receipt,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
