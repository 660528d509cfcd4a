package nl.wederkerig.projections.reconciliation;

/** A line in its statement's order; {@code alreadyImported} when an earlier statement brought it (shown, never dropped). */
public record StatementLineView(int position, boolean alreadyImported, LineView line) {
}
