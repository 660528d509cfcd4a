package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.RuleViolation;

/** The ledger's bank balance at the end of the period is not the statement's: the difference must be found first. */
public final class BankBalanceDiffers extends RuleViolation {

    public BankBalanceDiffers(Money ledger, Money statement) {
        super("the ledger says " + ledger + " but the bank statement says " + statement);
    }

    @Override
    public String code() {
        return "bank-balance-differs";
    }
}
