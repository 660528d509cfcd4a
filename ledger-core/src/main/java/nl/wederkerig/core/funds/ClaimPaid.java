package nl.wederkerig.core.funds;

import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** The fund paid the claimant {@code amount} for claim {@code claimId} from {@code channel}: the initiative no longer owes it. {@code approvedBy} approved the claim. */
public record ClaimPaid(
        InitiativeId initiativeId,
        CommunityId communityId,
        CommandId commandId,
        ClaimId claimId,
        MemberId claimant,
        MemberId approvedBy,
        Money amount,
        Channel channel,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) implements FundMoneyEvent {

    @Override
    public Money changeOf(Channel of) {
        return of == channel ? Money.zero(amount.currency()).minus(amount) : Money.zero(amount.currency());
    }
}
