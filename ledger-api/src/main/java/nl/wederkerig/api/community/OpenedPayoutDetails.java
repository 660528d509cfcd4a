package nl.wederkerig.api.community;

import nl.wederkerig.core.community.AccountHolder;
import nl.wederkerig.core.community.PaymentLink;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.MemberId;

/**
 * A member's payout details in clear, for the moment one request needs them: never logged, never
 * kept. {@code paymentLink} is null when they gave none.
 */
public record OpenedPayoutDetails(MemberId member, Iban iban, AccountHolder accountHolder, PaymentLink paymentLink) {

    @Override
    public String toString() {
        return "OpenedPayoutDetails[" + member + "]";
    }
}
