package nl.wederkerig.core.advances;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** The book found this advance closed (settled, forgiven, cancelled) and stopped counting it. No journal entry. */
public record AdvanceReleased(
        AdvanceBookId bookId,
        CommunityId communityId,
        MemberId borrower,
        AdvanceId advanceId,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
