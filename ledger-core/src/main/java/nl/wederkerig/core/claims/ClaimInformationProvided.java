package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.core.shared.SealedText;

import java.time.Instant;
import java.time.LocalDate;

/** The claimant answered (and, if {@code receipt} is not null, sent a new receipt); the claim awaits a decision again. No journal entry. */
public record ClaimInformationProvided(
        ClaimId claimId,
        CommunityId communityId,
        InitiativeId initiativeId,
        CommandId commandId,
        SealedText answer,
        ReceiptReference receipt,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
