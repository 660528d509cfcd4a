package nl.wederkerig.core.errands;

import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

/** The helper spent {@code spent} for the asker; {@code settledFromEntrusted} of it came from the entrusted cash (at most all of it), {@code changeDue} is still to be handed back. */
public record ErrandSpendingReported(
        ErrandId errandId,
        CommunityId communityId,
        CommandId commandId,
        MemberId asker,
        MemberId helper,
        Money spent,
        Money settledFromEntrusted,
        Money changeDue,
        ReceiptReference receipt,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
