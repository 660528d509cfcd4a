package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

import java.time.LocalDate;

/** No imported statement states the bank's balance at the end of this day. */
public final class StatementBalanceUnknown extends RuleViolation {

    public StatementBalanceUnknown(LocalDate date) {
        super("no imported statement gives the bank balance at the end of " + date);
    }

    @Override
    public String code() {
        return "statement-balance-unknown";
    }
}
