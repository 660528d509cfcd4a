package nl.wederkerig.api.advances;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.shared.Money;

/**
 * How the borrower pays the lender back by bank: what is still outstanding, to the lender's IBAN,
 * with the reference {@code WDK-<advance id>}; {@code epcPayload} is the text of the GiroCode (the
 * QR code a banking app scans). Paying this way records nothing: the borrower records the
 * reimbursement themselves, as a separate step. {@code paymentLink} is null if the lender gave none.
 */
public record PaymentInstructions(AdvanceId advanceId, String iban, String accountHolder, Money amount, String reference,
                                  String paymentLink, String epcPayload) {

    /** The reference every transfer for an advance carries, so the lender sees what it is for. */
    static String referenceFor(AdvanceId advance) {
        return "WDK-" + advance.value();
    }

    @Override
    public String toString() {
        return "PaymentInstructions[" + advanceId + "]"; // never the IBAN in a log
    }
}
