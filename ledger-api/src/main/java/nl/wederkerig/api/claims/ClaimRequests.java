package nl.wederkerig.api.claims;

import jakarta.validation.constraints.NotNull;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.RejectionReason;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReasonCode;
import nl.wederkerig.core.shared.ReceiptReference;

import java.time.LocalDate;

/**
 * Request bodies. The claimant and the treasurer are the logged-in member, never a field; the
 * initiative is in the path. A missing business date means today.
 */
public final class ClaimRequests {

    private ClaimRequests() {
    }

    public record ClaimSubmission(@NotNull ClaimId claimId, @NotNull Money amount, @NotNull ExpenseCategory category,
                           @NotNull ReceiptReference receipt, LocalDate businessDate) {
    }

    /**
     * A claim sent with its receipt files (multipart): the same fields as {@link ClaimSubmission}
     * but the receipt, which the files become.
     */
    public record ClaimWithReceipts(@NotNull ClaimId claimId, @NotNull Money amount, @NotNull ExpenseCategory category,
                                    LocalDate businessDate) {
    }

    /** One of the member's own claims with how many receipt files it has (numbered 1 to that count). */
    public record OwnClaim(nl.wederkerig.projections.claims.ClaimView claim, int receiptFiles) {
    }

    public record ClaimApproval(@NotNull CommandId commandId, LocalDate businessDate) {
    }

    /** A closed reason, refined if needed by a short code (no free text about a person). */
    public record ClaimRejection(@NotNull CommandId commandId, @NotNull RejectionReason reason, ReasonCode reasonCode,
                          LocalDate businessDate) {
    }

    /** What a command answers: the claim and the id of the command recorded. */
    public record RecordedClaim(ClaimId claimId, CommandId commandId) {
    }
}
