package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** The fund received {@code amount} from {@code source} ({@code partnerId} only for PARTNER) into {@code channel}. */
public record ContributionReceived(
        InitiativeId initiativeId,
        CommunityId communityId,
        CommandId commandId,
        Money amount,
        ContributionSource source,
        PartnerId partnerId,
        Channel channel,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) implements FundMoneyEvent {

    @Override
    public Money changeOf(Channel of) {
        return of == channel ? amount : Money.zero(amount.currency());
    }
}
