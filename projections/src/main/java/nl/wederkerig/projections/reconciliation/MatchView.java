package nl.wederkerig.projections.reconciliation;

import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;
import java.util.List;

/** A confirmed match: lines and entries of equal amount; {@code bookedFromLine} when the entry was booked from the line in the same step. */
public record MatchView(
        CommandId matchId,
        List<BankLineId> lines,
        List<CommandId> entries,
        Money amount,
        LocalDate matchedOn,
        MemberId matchedBy,
        boolean bookedFromLine) {

    public MatchView {
        lines = List.copyOf(lines);
        entries = List.copyOf(entries);
    }
}
