package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** {@code amount} moved from {@code from} to {@code to} within the fund. */
public record FundTransferred(
        InitiativeId initiativeId,
        CommunityId communityId,
        CommandId commandId,
        Money amount,
        Channel from,
        Channel to,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) implements FundMoneyEvent {

    @Override
    public Money changeOf(Channel of) {
        Money none = Money.zero(amount.currency());
        return of == to ? amount : of == from ? none.minus(amount) : none;
    }
}
