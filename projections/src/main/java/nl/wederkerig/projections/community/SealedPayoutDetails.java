package nl.wederkerig.projections.community;

import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.SealedText;

/** Where {@code member} may be paid back, as stored: sealed with their own key; {@code paymentLink} may be null. */
public record SealedPayoutDetails(MemberId member, SealedText iban, SealedText accountHolder, SealedText paymentLink) {
}
