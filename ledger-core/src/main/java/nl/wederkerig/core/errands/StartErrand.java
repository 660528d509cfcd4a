package nl.wederkerig.core.errands;

import nl.wederkerig.core.shared.CreatesRecord;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The asker hands the helper {@code entrusted} in cash to buy something for them. The errand id is the command id. */
public record StartErrand(
        @TargetAggregateIdentifier ErrandId errandId,
        CommunityId communityId,
        MemberId asker,
        MemberId helper,
        Money entrusted,
        Purpose purpose,
        LocalDate businessDate,
        MemberId actor) implements CreatesRecord {
}
