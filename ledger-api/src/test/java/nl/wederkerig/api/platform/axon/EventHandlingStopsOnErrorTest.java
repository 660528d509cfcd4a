package nl.wederkerig.api.platform.axon;

import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.balances.AdvanceBalances;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A projection that fails on an event must stop there and retry, never skip it and move on. */
@LedgerTest
class EventHandlingStopsOnErrorTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    AdvanceBalances balances;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LoginStore accounts;

    @Test
    void aFailingEventHoldsBackLaterEventsUntilTheCauseIsGone() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "stops");
        CommunityId west = wijk.id;
        MemberId lender = wijk.member("amina");
        MemberId borrower = wijk.member("bram");
        AdvanceId first = AdvanceId.of(Neighbours.unique("adv"));
        AdvanceId second = AdvanceId.of(Neighbours.unique("adv"));
        LocalDate today = LocalDate.now(LedgerTime.ZONE);

        commands.sendAndWait(new MakeAdvance(first, west, lender, borrower, Money.eur("50.00"), Purpose.GROCERIES, today, lender));
        await().atMost(Duration.ofSeconds(10)).until(() -> balances.advance(west, first).isPresent());

        // Break the read model under the processor: the next event about this advance cannot apply.
        jdbc.update("DELETE FROM advance_balance WHERE advance_id = ?", first.value());

        commands.sendAndWait(new ReimburseAdvance(first, CommandId.of("r-1"), Money.eur("20.00"), today, borrower));
        commands.sendAndWait(new MakeAdvance(second, west, lender, borrower, Money.eur("5.00"), Purpose.TRANSPORT, today, lender));

        // The later, healthy event is not applied while the failing one blocks the way.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> balances.advance(west, second).isEmpty());

        jdbc.update("""
                INSERT INTO advance_balance (advance_id, community_id, lender_id, borrower_id, currency,
                    amount_cents, outstanding_cents, status, made_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                first.value(), west.value(), lender.value(), borrower.value(), "EUR", 5000L, 5000L, "MADE", today);

        // With the cause gone the processor retries, applies the reimbursement, then catches up.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(balances.advance(west, second)).isPresent();
            assertThat(balances.advance(west, first).orElseThrow().outstanding()).isEqualTo(Money.eur("30.00"));
        });
    }
}
