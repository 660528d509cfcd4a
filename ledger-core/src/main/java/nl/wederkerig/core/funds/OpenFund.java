package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.CreatesRecord;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Internal command from {@link FundPolicy} when an initiative is registered: open its fund (empty bank and cash box, no treasurers). The fund id is the initiative id. */
public record OpenFund(
        @TargetAggregateIdentifier InitiativeId initiativeId,
        CommunityId communityId,
        LocalDate businessDate,
        MemberId actor) implements CreatesRecord {
}
