package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

/** The fund has no bank account linked, or the statement is of another account than the one linked. */
public final class IbanNotLinked extends RuleViolation {

    public IbanNotLinked() {
        super("the statement is not of the bank account linked to this fund (link the account first)");
    }

    @Override
    public String code() {
        return "iban-not-linked";
    }
}
