package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.SealedText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * A neighbour (the actor) records where neighbours who owe them can pay them back: their IBAN,
 * the name on the account and, if they like, their own payment link (Tikkie, bunq.me). All three
 * are personal data, so they arrive sealed with the actor's own key (checked and validated in clear
 * by the caller, see {@link PaymentLink} and {@link nl.wederkerig.core.shared.Iban}); the link may be null.
 * Recording again replaces what was recorded before. Sealing is randomised, so a retry carries
 * other ciphertext: {@link Community} takes the same command id from the same member, on the same
 * business date and with or without a link alike, as the repeat it is.
 */
public record RecordPayoutDetails(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        SealedText iban,
        SealedText accountHolder,
        SealedText paymentLink,
        LocalDate businessDate,
        MemberId actor) {
}
