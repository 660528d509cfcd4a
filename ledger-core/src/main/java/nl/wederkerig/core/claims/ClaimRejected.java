package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.ReasonCode;

import java.time.Instant;
import java.time.LocalDate;

/** A treasurer rejected the claim. No journal entry. */
public record ClaimRejected(
        ClaimId claimId,
        CommunityId communityId,
        InitiativeId initiativeId,
        CommandId commandId,
        MemberId claimant,
        RejectionReason reason,
        ReasonCode reasonCode,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
