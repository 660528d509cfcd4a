package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An advance that started as an errand's overspend: the helper (lender) paid {@code amount} more
 * than the asker (borrower) entrusted. No journal entry of its own: the errand's
 * {@code ErrandOverspent} already booked the debt; later reimbursements and forgiveness book as usual.
 */
public record ErrandAdvanceOpened(
        AdvanceId advanceId,
        CommunityId communityId,
        ErrandId errandId,
        MemberId lender,
        MemberId borrower,
        Money amount,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
