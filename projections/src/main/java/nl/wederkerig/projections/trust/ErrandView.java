package nl.wederkerig.projections.trust;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.errands.ErrandStatus;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;

import java.time.LocalDate;

/**
 * One errand with entrusted cash as it stands. {@code heldByHelper} is the asker's cash the helper
 * holds right now: all that was entrusted until the spending is reported, then the change due,
 * then nothing. Spending, the receipt and the change are null until reported; the change returned
 * until handed back. If the helper spent more than entrusted, {@code overspendAdvanceId} names the
 * advance the difference ({@code overspent}) became.
 */
public record ErrandView(
        ErrandId errandId,
        MemberId asker,
        MemberId helper,
        Purpose purpose,
        ErrandStatus status,
        LocalDate startedOn,
        Money entrusted,
        Money heldByHelper,
        Money spent,
        ReceiptReference receipt,
        LocalDate reportedOn,
        Money changeDue,
        Money changeReturned,
        LocalDate finishedOn,
        AdvanceId overspendAdvanceId,
        Money overspent) {
}
