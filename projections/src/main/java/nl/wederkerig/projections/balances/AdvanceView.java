package nl.wederkerig.projections.balances;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceStatus;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * One advance with what is still outstanding; {@code closedOn} is set once settled, forgiven or
 * cancelled. {@code errandId} names the errand whose overspend became this advance (otherwise
 * null). {@code reimbursements} lists every reimbursement in the order paid, with whether the
 * lender confirmed its receipt; at most {@link AdvanceBalances#MAX_LISTED_REIMBURSEMENTS}.
 * {@code recordedBy} names who made it on the lender's behalf (a coordinator or a helper the lender
 * named); null when the lender recorded it themselves.
 */
public record AdvanceView(
        AdvanceId advanceId,
        MemberId lender,
        MemberId borrower,
        Money amount,
        Money outstanding,
        AdvanceStatus status,
        LocalDate madeOn,
        LocalDate closedOn,
        ErrandId errandId,
        List<ReimbursementView> reimbursements,
        MemberId recordedBy) {

    public AdvanceView {
        reimbursements = List.copyOf(reimbursements);
    }

    public boolean settled() {
        return status == AdvanceStatus.SETTLED;
    }
}
