package nl.wederkerig.core.funds;

import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;

import java.time.Instant;
import java.time.LocalDate;

/** The fund paid {@code amount} for {@code category} from {@code channel}. */
public record ExpensePaid(
        InitiativeId initiativeId,
        CommunityId communityId,
        CommandId commandId,
        Money amount,
        ExpenseCategory category,
        ReceiptReference receipt,
        Channel channel,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) implements FundMoneyEvent {

    @Override
    public Money changeOf(Channel of) {
        return of == channel ? Money.zero(amount.currency()).minus(amount) : Money.zero(amount.currency());
    }
}
