package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

/** The borrower's book took a new open advance; after it the borrower had {@code openAdvancesAfter} open, owing {@code openTotalAfter}. No journal entry: {@link AdvanceMade} books the money. */
public record AdvanceAdmitted(
        AdvanceBookId bookId,
        CommunityId communityId,
        MemberId borrower,
        AdvanceId advanceId,
        Money amount,
        int openAdvancesAfter,
        Money openTotalAfter,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
