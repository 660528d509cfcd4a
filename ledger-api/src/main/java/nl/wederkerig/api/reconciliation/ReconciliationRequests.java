package nl.wederkerig.api.reconciliation;

import jakarta.validation.constraints.NotNull;
import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.reconciliation.ReopenReason;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.ReasonCode;
import nl.wederkerig.core.shared.ReceiptReference;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the reconciliation. None names who acts: that is the logged-in member. */
public final class ReconciliationRequests {

    private ReconciliationRequests() {
    }

    /** The initiative's own account; its checksum is checked when the IBAN is read. */
    public record BankAccountLink(@NotNull CommandId commandId, @NotNull Iban iban) {
    }

    /** Bank lines and fund entries that are the same money (equal sums). */
    public record MatchConfirmation(@NotNull CommandId commandId, @NotNull List<BankLineId> lineIds,
                                    @NotNull List<CommandId> entryIds) {
    }

    /** Books a line of money in as a contribution; a PARTNER contribution names the partner. */
    public record ContributionFromLine(@NotNull CommandId commandId, @NotNull ContributionSource source, PartnerId partnerId) {
    }

    /** Books a line of money out as an expense; without a receipt the bank line is the receipt. */
    public record ExpenseFromLine(@NotNull CommandId commandId, @NotNull ExpenseCategory category, ReceiptReference receipt) {
    }

    /** The line is the payment of this approved claim. */
    public record ClaimPaymentFromLine(@NotNull CommandId commandId, @NotNull ClaimId claimId) {
    }

    /** Closes the books through {@code periodEnd}. */
    public record PeriodClose(@NotNull CommandId commandId, @NotNull LocalDate periodEnd) {
    }

    /** Reopens the latest close; a second person, with a reason. */
    public record PeriodReopening(@NotNull CommandId commandId, @NotNull ReopenReason reason, ReasonCode reasonCode) {
    }

    /** What a step answers: the initiative and the id of the command recorded. */
    public record RecordedStep(nl.wederkerig.core.shared.InitiativeId initiativeId, CommandId commandId) {
    }
}
