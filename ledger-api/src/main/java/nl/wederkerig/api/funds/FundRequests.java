package nl.wederkerig.api.funds;

import jakarta.validation.constraints.NotNull;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.ReceiptReference;

import java.time.LocalDate;

/**
 * Request bodies for a treasurer's entries. None names the treasurer: who acts is the logged-in
 * member. A missing business date means today.
 */
public final class FundRequests {

    private FundRequests() {
    }

    /** Money received; a PARTNER contribution names the partner, any other source names none. */
    public record Contribution(@NotNull CommandId commandId, @NotNull Money amount, @NotNull ContributionSource source,
                        PartnerId partnerId, @NotNull Channel channel, LocalDate businessDate) {
    }

    public record Expense(@NotNull CommandId commandId, @NotNull Money amount, @NotNull ExpenseCategory category,
                   @NotNull ReceiptReference receipt, @NotNull Channel channel, LocalDate businessDate) {
    }

    public record Transfer(@NotNull CommandId commandId, @NotNull Money amount, @NotNull Channel from, @NotNull Channel to,
                    LocalDate businessDate) {
    }

    public record FundReversal(@NotNull CommandId commandId, @NotNull ReversalReason reason, LocalDate businessDate) {
    }

    public record ClaimPayment(@NotNull CommandId commandId, @NotNull Channel channel, LocalDate businessDate) {
    }

    /** What an entry answers: the initiative and the id of the command recorded (which names the entry). */
    public record RecordedFundEntry(InitiativeId initiativeId, CommandId commandId) {
    }
}
