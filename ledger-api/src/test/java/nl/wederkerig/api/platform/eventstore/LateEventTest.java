package nl.wederkerig.api.platform.eventstore;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An appending transaction that commits after later ones: its event fills a gap in the global
 * index. Every read model must still apply it, and the journal must file it under its own index,
 * not the highest one seen (the journal once put it under a later event's key and stopped for good).
 */
@LedgerTest
class LateEventTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    CommandBus commandBus;
    @Autowired
    LoginStore accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdvanceCommittedAfterLaterOnesKeepsItsOwnPlaceInTheJournalAndInTheBalances() throws Exception {
        // Two wijken: a command holds its community (Axon locks a loaded aggregate until the unit of
        // work ends), so the quick advances are made in another wijk while the slow one waits.
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "late");
        OwnCommunity other = OwnCommunity.found(commands, accounts, jdbc, "quick");
        List<MemberId> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add((i < 2 ? wijk : other).member("n" + i));
        }
        LocalDate today = LocalDate.now(LedgerTime.ZONE);
        AdvanceId slow = AdvanceId.of(Neighbours.unique("slow"));
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Registration holding = commandBus.registerHandlerInterceptor(holdBeforeCommit(slow, appended, release));
        try {
            CompletableFuture<Object> late = CompletableFuture.supplyAsync(() -> commands.sendAndWait(
                    new MakeAdvance(slow, wijk.id, members.get(0), members.get(1), Money.eur("7.00"), Purpose.GROCERIES, today,
                            members.get(0))));
            assertThat(appended.await(10, TimeUnit.SECONDS)).as("the slow advance has been appended, not committed").isTrue();
            List<AdvanceId> quick = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                AdvanceId advance = AdvanceId.of(Neighbours.unique("quick"));
                MemberId lender = members.get(2 + i % 4);
                MemberId borrower = members.get(2 + (i + 1) % 4);
                commands.sendAndWait(new MakeAdvance(advance, other.id, lender, borrower, Money.eur("1.00"), Purpose.GROCERIES,
                        today, lender));
                quick.add(advance);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> journalEntries(other) == 4);
            release.countDown();
            late.get(20, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            holding.cancel();
        }
        long slowIndex = jdbc.queryForObject("""
                SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""",
                Long.class, slow.value());
        long highestQuick = jdbc.queryForObject("""
                SELECT MAX(e.global_order) FROM journal_entry e WHERE e.community_id = ?""", Long.class, other.id.value());
        assertThat(slowIndex).as("the slow advance took its index before the quick ones").isLessThan(highestQuick);
        await().atMost(Duration.ofSeconds(20)).until(() -> journalEntries(wijk) == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE global_order = ? AND community_id = ?",
                Long.class, slowIndex, wijk.id.value())).as("filed under its own index").isEqualTo(1L);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM advance_balance WHERE advance_id = ?", Long.class, slow.value()) == 1);
    }

    private long journalEntries(OwnCommunity wijk) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE community_id = ?", Long.class, wijk.id.value());
    }

    /** Lets the slow command's events be inserted, then holds its transaction open until released. */
    private static MessageHandlerInterceptor<CommandMessage<?>> holdBeforeCommit(AdvanceId slow, CountDownLatch appended,
                                                                               CountDownLatch release) {
        return (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof MakeAdvance make && make.advanceId().equals(slow)) {
                // COMMIT handlers run in reverse order: this one before the transaction's own commit.
                unitOfWork.onCommit(u -> {
                    appended.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            return chain.proceed();
        };
    }
}
