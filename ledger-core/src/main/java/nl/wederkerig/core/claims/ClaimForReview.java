package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;

/** Who may decide a claim depends on its initiative's treasurers and on who claimed: read in the same unit of work as the decision. */
public record ClaimForReview(ClaimId claimId, CommunityId communityId, InitiativeId initiativeId, MemberId claimant) {
}
