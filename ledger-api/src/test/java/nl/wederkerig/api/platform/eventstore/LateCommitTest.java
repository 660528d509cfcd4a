package nl.wederkerig.api.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.readmodels.ReadModels;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A late commit within the append bound, after many concurrent commits, is applied by every read
 * model (issue 17). Meanwhile the tokens hold more gaps than Axon's cleaning threshold (250) and
 * the late event's gap lies further below the newest event than Axon's default gap offset (10,000):
 * with that default every processor dropped the gap, and the late event with it, at the next commit.
 *
 * <p>A context of its own with the append bound raised to {@value #BOUND_SECONDS} s (the gap timeout
 * stays 60 s, three bounds), so that a few hundred commands can commit on a slow test machine while
 * one transaction is held open within its bound.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wederkerig.event-store.append-bound=" + LateCommitTest.BOUND_SECONDS + "s",
        "wederkerig.event-store.gap-timeout=60s"})
@ActiveProfiles("test")
@DirtiesContext
class LateCommitTest {

    static final int BOUND_SECONDS = 20;
    /** The late transaction commits this long before its bound at the latest. */
    static final Duration MARGIN = Duration.ofSeconds(5);
    static final int CONCURRENT_COMMITS = 300;
    /** Above Axon's gap-cleaning threshold (250): every fetch cleans gaps first. */
    static final int AT_LEAST_CONCURRENT = 251;
    /** Indexes taken and rolled back behind the late event's: more than Axon's default gap offset of 10,000. */
    static final int ROLLED_BACK = 12_000;

    @DynamicPropertySource
    static void ownPostgresDatabase(DynamicPropertyRegistry properties) throws SQLException {
        HeldAppends.ownPostgresDatabase(properties, "late_commit_test");
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    CommandBus commandBus;
    @Autowired
    LoginStore accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ReadModels readModels;

    @Test
    void aLateCommitAfterManyConcurrentCommitsIsAppliedByEveryReadModel() throws Exception {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "late");
        MemberId lender = wijk.member("lender");
        MemberId borrower = wijk.member("borrower");
        HeldAppends.OtherWijken others = new HeldAppends.OtherWijken(commands, accounts, jdbc, 4);
        AdvanceId late = AdvanceId.of(Neighbours.unique("late"));
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Duration holdAtMost = Duration.ofSeconds(BOUND_SECONDS).minus(MARGIN);
        Registration holding = commandBus.registerHandlerInterceptor(HeldAppends.holdBeforeCommit(late, appended, release, holdAtMost));
        ResponseEntity<JsonNode> answer;
        int committedMeanwhile;
        long heldMillis;
        try {
            long start = System.nanoTime();
            CompletableFuture<ResponseEntity<JsonNode>> slow = CompletableFuture.supplyAsync(() ->
                    new Api(http, wijk.id).post(lender, "/advances", HeldAppends.advance(late, borrower)));
            assertThat(appended.await(10, TimeUnit.SECONDS)).as("the late advance has been appended, not committed").isTrue();
            HeldAppends.burnIndexes(dataSource, ROLLED_BACK);
            HeldAppends.OtherWijken.Running running = others.commit(CONCURRENT_COMMITS);
            long releaseAt = start + holdAtMost.toNanos();
            while (running.stored() < CONCURRENT_COMMITS && System.nanoTime() < releaseAt) {
                Thread.sleep(20);
            }
            committedMeanwhile = running.stored();
            release.countDown();
            answer = slow.get(30, TimeUnit.SECONDS);
            heldMillis = (System.nanoTime() - start) / 1_000_000;
            running.await();
        } finally {
            release.countDown();
            holding.cancel();
        }

        System.out.printf("late commit after %d ms (bound %d s), %d commits and %d rolled-back indexes meanwhile: answered %s%n",
                heldMillis, BOUND_SECONDS, committedMeanwhile, ROLLED_BACK, Api.answer(answer));
        assertThat(Api.answer(answer)).as("stored within the bound").isEqualTo("201");
        assertThat(committedMeanwhile).as("commits while the late one was open").isGreaterThanOrEqualTo(AT_LEAST_CONCURRENT);
        long lateIndex = jdbc.queryForObject("""
                SELECT MIN(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?""", Long.class, late.value());
        assertThat(jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class))
                .as("the late event fills a gap far below later events").isGreaterThan(lateIndex + ROLLED_BACK);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM advance_balance WHERE advance_id = ?", Long.class, late.value()) == 1);
        assertThat(readModels.check(progress -> { })).as("every read model holds what a replay of all events gives").isEmpty();
    }
}
