package nl.wederkerig.core.errands;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

/** The helper spent {@code amount} more than entrusted: it became an advance from the helper (lender) to the asker (borrower) with id {@code advanceId}. This event books the debt; the advance itself is opened by {@code ErrandOverspendPolicy}. */
public record ErrandOverspent(
        ErrandId errandId,
        CommunityId communityId,
        AdvanceId advanceId,
        MemberId lender,
        MemberId borrower,
        Money amount,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
