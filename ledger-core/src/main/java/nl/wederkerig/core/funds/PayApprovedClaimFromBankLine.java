package nl.wederkerig.core.funds;

import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;

/**
 * A treasurer confirms that a bank line (typically the one whose description names
 * {@code WDK-<claim id>}) is the payment of an approved claim: the fund records the claim as paid
 * from the bank, on the line's booking day and for the claim's amount (which must be the line's),
 * and matches the payment to the line. Handled by {@link ClaimPayments}.
 */
public record PayApprovedClaimFromBankLine(
        ClaimId claimId,
        CommandId commandId,
        BankLineId lineId,
        MemberId actor) {
}
