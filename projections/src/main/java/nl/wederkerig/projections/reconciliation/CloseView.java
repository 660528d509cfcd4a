package nl.wederkerig.projections.reconciliation;

import nl.wederkerig.core.reconciliation.ReopenReason;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/** A period close, and its reopening if any (then it no longer holds). */
public record CloseView(
        CommandId closeId,
        LocalDate periodStart,
        LocalDate periodEnd,
        Money bankBalance,
        LocalDate closedOn,
        MemberId closedBy,
        CommandId reopenId,
        LocalDate reopenedOn,
        MemberId reopenedBy,
        ReopenReason reopenReason) {

    public boolean inForce() {
        return reopenId == null;
    }
}
