package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.RuleViolation;

/** The fund is linked to another account already; one account per fund (switching banks is not supported yet). */
public final class BankAccountAlreadyLinked extends RuleViolation {

    public BankAccountAlreadyLinked() {
        super("this fund is linked to another bank account already");
    }

    @Override
    public String code() {
        return "bank-account-already-linked";
    }
}
