package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One volunteer hour is worth {@code perHour} on every business date from {@code effectiveFrom}
 * until the next valuation's, arrived at by {@code method}. Never in the past: statements already
 * made keep their values. Revision 2 added the method; the first form (no revision) reads through
 * an upcaster as {@link HourValuationMethod#UNSPECIFIED}.
 */
@Revision("2")
public record HourValuationSet(
        CommunityId communityId,
        CommandId commandId,
        Money perHour,
        LocalDate effectiveFrom,
        HourValuationMethod method,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
