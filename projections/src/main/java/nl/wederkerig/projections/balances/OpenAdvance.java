package nl.wederkerig.projections.balances;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/** An advance with something outstanding on the date asked about; {@code disputed} when the borrower disputed it by then and had not yet acknowledged it. */
record OpenAdvance(AdvanceId advanceId, MemberId lender, MemberId borrower, Money outstanding, LocalDate madeOn,
                   boolean disputed) {
}
