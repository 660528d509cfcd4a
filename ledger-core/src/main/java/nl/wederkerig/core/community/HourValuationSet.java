package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** One volunteer hour is worth {@code perHour} on every business date from {@code effectiveFrom} until the next valuation's. Never in the past: statements already made keep their values. */
public record HourValuationSet(
        CommunityId communityId,
        CommandId commandId,
        Money perHour,
        LocalDate effectiveFrom,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
