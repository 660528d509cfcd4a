package nl.wederkerig.projections.balances;

import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/**
 * One step in the history of an advance, as it was when recorded: what kind, on which business
 * date, the amount it concerned (the advance's amount when made, a reimbursement's amount, what was
 * forgiven), what was still owed right after it, and who recorded it. {@code detail} is the closed
 * list value the step carried (a {@code Purpose}, {@code DisputeReason} or {@code ReversalReason}
 * name), the id of the reimbursement a confirmation or reversal names, or the errand an overspend
 * came from; never free text.
 */
public record AdvanceStep(int number, String stepId, Kind kind, LocalDate on, Money amount, Money outstandingAfter,
                          String detail, MemberId actor) {

    public enum Kind {
        MADE,
        /** Made from the overspend of an errand; {@code detail} names the errand. */
        MADE_FROM_ERRAND,
        ACKNOWLEDGED,
        DISPUTED,
        REIMBURSED,
        CONFIRMED,
        REVERSED,
        FORGIVEN,
        CANCELLED
    }
}
