package nl.wederkerig.projections.balances;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Money;

import java.time.LocalDate;

/**
 * One reimbursement of an advance, named by the id the borrower gave it (what the lender's
 * confirmation of receipt, or a reversal, names). {@code confirmedOn} is when the lender confirmed
 * receiving it; {@code reversedOn} when it was reversed (it then never counted as paid).
 */
public record ReimbursementView(CommandId reimbursementId, Money amount, LocalDate paidOn, LocalDate confirmedOn,
                                LocalDate reversedOn) {

    public boolean receiptConfirmed() {
        return confirmedOn != null;
    }

    public boolean reversed() {
        return reversedOn != null;
    }
}
