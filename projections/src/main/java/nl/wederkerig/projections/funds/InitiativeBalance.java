package nl.wederkerig.projections.funds;

import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/**
 * An initiative's fund at the end of business date {@code asOf}.
 *
 * @param fund                 bank plus cash box
 * @param claimsSubmitted      submitted and not yet approved or rejected on that date
 * @param claimsApprovedUnpaid approved and not (or no longer, after a reversed payment) paid
 */
public record InitiativeBalance(InitiativeId initiativeId, LocalDate asOf, Money bank, Money cashBox, Money fund,
                                ClaimTally claimsSubmitted, ClaimTally claimsApprovedUnpaid) {
}
