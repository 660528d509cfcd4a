package nl.wederkerig.core.funds;

import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;

import java.time.LocalDate;

/** A treasurer pays an approved claim from the bank or the cash box. Handled by {@link ClaimPayments}. */
public record PayApprovedClaim(
        ClaimId claimId,
        CommandId commandId,
        Channel channel,
        LocalDate businessDate,
        MemberId actor) {
}
