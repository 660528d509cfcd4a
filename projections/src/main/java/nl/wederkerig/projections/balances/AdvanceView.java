package nl.wederkerig.projections.balances;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceStatus;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/** One advance with what is still outstanding; {@code closedOn} is set once settled, forgiven or cancelled. */
public record AdvanceView(
        AdvanceId advanceId,
        MemberId lender,
        MemberId borrower,
        Money amount,
        Money outstanding,
        AdvanceStatus status,
        LocalDate madeOn,
        LocalDate closedOn) {

    public boolean settled() {
        return status == AdvanceStatus.SETTLED;
    }
}
