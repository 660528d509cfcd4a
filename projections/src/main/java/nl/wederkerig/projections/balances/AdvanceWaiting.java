package nl.wederkerig.projections.balances;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/**
 * Something about an advance that waits for one neighbour: an advance made to them that they have
 * not yet acknowledged or disputed ({@code reimbursementId} null), or a reimbursement paid to them
 * whose receipt they have not yet confirmed. {@code other} is the neighbour on the other side,
 * {@code amount} the advance's or the reimbursement's amount, {@code on} its business date.
 * {@code recordedBy} is whoever typed it in for {@code other} (a coordinator or a helper the lender
 * named made the advance, someone other than the borrower recorded the payment); null when
 * {@code other} did it themselves. It comes with the row, so a list of them needs no look-up each.
 */
public record AdvanceWaiting(AdvanceId advanceId, CommandId reimbursementId, MemberId other, Money amount, LocalDate on,
                             MemberId recordedBy) {
}
