package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

/** The lender paid {@code amount} on behalf of the borrower on {@code businessDate}; recorded at {@code recordedAt}. */
public record AdvanceMade(
        AdvanceId advanceId,
        CommunityId communityId,
        MemberId lender,
        MemberId borrower,
        Money amount,
        Purpose purpose,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
