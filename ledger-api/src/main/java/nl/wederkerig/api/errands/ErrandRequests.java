package nl.wederkerig.api.errands;

import jakarta.validation.constraints.NotNull;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;

import java.time.LocalDate;

/**
 * Request bodies. Asker and helper are the two parties, not the actor: the logged-in member must
 * be one of them. A missing business date means today.
 */
public final class ErrandRequests {

    private ErrandRequests() {
    }

    public record ErrandStart(@NotNull ErrandId errandId, @NotNull MemberId asker, @NotNull MemberId helper,
                       @NotNull Money entrusted, @NotNull Purpose purpose, LocalDate businessDate) {
    }

    /** What the helper spent; the receipt may be left out only when nothing was spent. */
    public record ErrandSpending(@NotNull CommandId commandId, @NotNull Money spent, ReceiptReference receipt,
                          LocalDate businessDate) {
    }

    public record ErrandChange(@NotNull CommandId commandId, @NotNull Money amount, LocalDate businessDate) {
    }

    /** What a command answers: the errand and the id of the command recorded. */
    public record RecordedErrand(ErrandId errandId, CommandId commandId) {
    }
}
