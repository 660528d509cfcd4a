package nl.wederkerig.api.advances;

import nl.wederkerig.projections.balances.AdvanceStep;
import nl.wederkerig.projections.balances.AdvanceView;

import java.util.List;

/** One advance as it stands now and every step that brought it there, in the order recorded. */
public record AdvanceHistory(AdvanceView advance, List<AdvanceStep> steps) {

    public AdvanceHistory {
        steps = List.copyOf(steps);
    }
}
