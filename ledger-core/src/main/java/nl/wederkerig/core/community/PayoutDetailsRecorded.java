package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.SealedText;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The actor recorded where neighbours who owe them can pay them back; it replaces earlier details.
 * Only ciphertext under the actor's own key: erasing the member makes all three unreadable for good.
 * {@code paymentLink} is null when they gave none. Moves no money: it has no journal entry.
 */
public record PayoutDetailsRecorded(
        CommunityId communityId,
        CommandId commandId,
        SealedText iban,
        SealedText accountHolder,
        SealedText paymentLink,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
