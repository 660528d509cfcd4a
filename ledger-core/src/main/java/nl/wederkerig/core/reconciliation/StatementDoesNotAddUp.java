package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.RuleViolation;

/** The statement's opening balance plus its lines is not its closing balance: a file that contradicts itself is not imported. */
public final class StatementDoesNotAddUp extends RuleViolation {

    public StatementDoesNotAddUp(Money opening, Money lines, Money closing) {
        super("opening balance " + opening + " plus the lines " + lines + " is not the closing balance " + closing);
    }

    @Override
    public String code() {
        return "statement-does-not-add-up";
    }
}
