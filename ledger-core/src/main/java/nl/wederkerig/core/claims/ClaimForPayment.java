package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

/** What the fund needs to pay an approved claim: read from the claim in the same unit of work as the payment. */
public record ClaimForPayment(
        ClaimId claimId,
        CommunityId communityId,
        InitiativeId initiativeId,
        MemberId claimant,
        Money amount,
        MemberId approvedBy) {
}
