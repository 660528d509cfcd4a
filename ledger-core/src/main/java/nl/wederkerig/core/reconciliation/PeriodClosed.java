package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The fund's books are closed from {@code periodStart} through {@code periodEnd}: the ledger's bank
 * balance at the end of {@code periodEnd} was {@code bankBalance}, equal to the bank statement's.
 * From now on nothing is recorded into the fund with a business date on or before
 * {@code periodEnd}. In the exported journal: a balance assertion on the bank account
 * ({@code = bankBalance}), no posting.
 */
public record PeriodClosed(
        InitiativeId initiativeId,
        CommunityId communityId,
        CommandId commandId,
        Iban iban,
        LocalDate periodStart,
        LocalDate periodEnd,
        Money bankBalance,
        LocalDate businessDate,
        MemberId actor,
        Instant recordedAt) {
}
