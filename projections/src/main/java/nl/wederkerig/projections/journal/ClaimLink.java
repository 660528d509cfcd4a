package nl.wederkerig.projections.journal;

import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.FundEntryReversed;
import nl.wederkerig.core.shared.InitiativeId;

import java.util.Objects;
import java.util.Optional;

/** The claim an entry came from: the accountant's CSV links the row to it (and through it to its receipts). */
public record ClaimLink(InitiativeId initiative, ClaimId claim) {

    public ClaimLink {
        Objects.requireNonNull(initiative, "initiative is missing");
        Objects.requireNonNull(claim, "claim is missing");
    }

    /** The claim behind an event that has a journal entry: its approval, its payment, or a reversed payment. */
    static Optional<ClaimLink> of(Object event) {
        if (event instanceof ClaimApproved e) {
            return Optional.of(new ClaimLink(e.initiativeId(), e.claimId()));
        }
        if (event instanceof ClaimPaid e) {
            return Optional.of(new ClaimLink(e.initiativeId(), e.claimId()));
        }
        if (event instanceof FundEntryReversed e) {
            return of(e.original());
        }
        return Optional.empty();
    }
}
