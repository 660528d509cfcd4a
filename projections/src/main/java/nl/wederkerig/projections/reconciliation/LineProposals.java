package nl.wederkerig.projections.reconciliation;

import java.util.List;

/** An unmatched line beside what it may be, best first (see {@link Matcher}). */
public record LineProposals(LineView line, List<Matcher.Proposal> proposals) {

    public LineProposals {
        proposals = List.copyOf(proposals);
    }
}
