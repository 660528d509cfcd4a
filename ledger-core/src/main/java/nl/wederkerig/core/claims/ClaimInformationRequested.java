package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.SealedText;

import java.time.Instant;
import java.time.LocalDate;

/** The claim needs information: a question went back to the claimant (sealed with their key). No journal entry. */
public record ClaimInformationRequested(
        ClaimId claimId,
        CommunityId communityId,
        InitiativeId initiativeId,
        CommandId commandId,
        MemberId claimant,
        SealedText question,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
