package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A coordinator sets what one volunteer hour is worth from {@code effectiveFrom} on, and by which method (for reciprocity statements). */
public record SetHourValuation(
        @TargetAggregateIdentifier CommunityId communityId,
        CommandId commandId,
        Money perHour,
        LocalDate effectiveFrom,
        HourValuationMethod method,
        LocalDate businessDate,
        MemberId actor) {
}
