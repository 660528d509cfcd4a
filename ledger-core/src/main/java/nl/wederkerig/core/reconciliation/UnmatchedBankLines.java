package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

/** Bank lines of the period are not matched to entries yet. */
public final class UnmatchedBankLines extends RuleViolation {

    public UnmatchedBankLines(int count) {
        super(count + " bank line(s) of the period are not matched yet");
    }

    @Override
    public String code() {
        return "bank-lines-unmatched";
    }
}
