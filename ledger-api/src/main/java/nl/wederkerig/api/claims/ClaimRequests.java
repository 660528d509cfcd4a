package nl.wederkerig.api.claims;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.wederkerig.core.shared.PersonalDataCipher;
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

    /** A question back to the claimant, in clear here; sealed with the claimant's key before it is recorded. */
    public record ClaimQuestion(@NotNull CommandId commandId, @NotBlank @Size(max = PersonalDataCipher.MAX_NOTE_LENGTH_CHARS) String question,
                                LocalDate businessDate) {
    }

    /** The claimant's answer, in clear here; sealed with their own key before it is recorded. */
    public record ClaimAnswer(@NotNull CommandId commandId, @NotBlank @Size(max = PersonalDataCipher.MAX_NOTE_LENGTH_CHARS) String answer,
                              LocalDate businessDate) {
    }

    /** A question or an answer about a claim, opened for someone allowed to read it ({@code text} null once erased). */
    public record ClaimNoteText(nl.wederkerig.projections.claims.ClaimStepKind kind, LocalDate on, String text) {
    }

    /**
     * How to pay an approved claim, for the initiative's treasurers: the claimant's IBAN and account
     * holder from their own payout details (both null when they stored none) and the reference the
     * bank line must carry.
     */
    public record ClaimPayee(ClaimId claimId, String iban, String accountHolder, String reference, Money amount) {
    }

    /** What a command answers: the claim and the id of the command recorded. */
    public record RecordedClaim(ClaimId claimId, CommandId commandId) {
    }
}
