package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Internal command from {@link FundPolicy} when the community revokes a member's TREASURER role of this initiative. */
public record ReleaseTreasurer(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommandId commandId,
        MemberId member,
        LocalDate businessDate,
        MemberId actor) {
}
