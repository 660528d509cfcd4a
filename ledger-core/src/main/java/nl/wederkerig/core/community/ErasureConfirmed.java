package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The member's personal data is erased: their key is destroyed, so every text sealed for them (notes,
 * IBAN, receipts) is unreadable in every event and every copy, and their login is removed. The member
 * id stays, pseudonymous, in every balance, journal and report, which never depended on that data.
 */
public record ErasureConfirmed(
        CommunityId communityId,
        CommandId commandId,
        MemberId memberId,
        MemberId requestedBy,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
