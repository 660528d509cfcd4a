package nl.wederkerig.api.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.readmodels.ReadModels;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.ReadModelCatalog;
import nl.wederkerig.projections.balances.AdvanceBalances;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17: a read model that refuses an event (a wrong number, a row out of step) once stopped its
 * processor, and with it every neighbour's balance. Wrong numbers are still refused, never applied;
 * but the refused event is parked with the later events of its own advance, every other advance
 * keeps flowing, health says DOWN, and after a fix a retry applies them and the read model equals
 * a fresh replay.
 */
@LedgerTest
class RefusedEventsAreParkedTest {

    static final Duration CATCH_UP = Duration.ofSeconds(20);

    @Autowired
    CommandGateway commands;
    @Autowired
    LoginStore accounts;
    @Autowired
    AdvanceBalances balances;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReadModels readModels;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TransactionManager transactions;
    @Autowired
    TestRestTemplate http;

    OwnCommunity wijk;
    MemberId lender;
    MemberId borrower;
    LocalDate today = LocalDate.now(LedgerTime.ZONE);

    @BeforeEach
    void twoNeighbours() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "parking");
        lender = wijk.member("amina");
        borrower = wijk.member("bram");
    }

    /** Other tests share this database: none of them may find an event parked by these. */
    @AfterEach
    void nothingLeftParked() {
        for (var model : ReadModelCatalog.all()) {
            processing.deadLetterQueue(model.processingGroup()).ifPresent(queue -> transactions.executeInTransaction(queue::clear));
        }
    }

    @Test
    void aWrongNumberIsRefusedAndParkedWhileOtherAdvancesKeepFlowingAndARetryAfterTheFixCatchesUp() {
        AdvanceId first = made("50.00");
        AdvanceId second = made("30.00");
        // The read model's row now says ten euros less is owed than the events do: out of step.
        jdbc.update("UPDATE advance_balance SET outstanding_cents = outstanding_cents - 1000 WHERE advance_id = ?", first.value());

        reimburse(first, "r-1", "20.00");
        reimburse(first, "r-2", "5.00");
        reimburse(second, "r-3", "10.00");
        AdvanceId third = made("5.00");

        // Every other advance keeps flowing: before issue 17 the processor stopped at r-1 and these froze.
        await().atMost(CATCH_UP).untilAsserted(() ->
                assertThat(balances.advance(wijk.id, second).orElseThrow().outstanding()).isEqualTo(Money.eur("20.00")));
        assertThat(balances.advance(wijk.id, third)).isPresent();
        // The wrong number is refused, never built upon: neither reimbursement reached the first advance.
        assertThat(balances.advance(wijk.id, first).orElseThrow().outstanding()).isEqualTo(Money.eur("40.00"));
        assertThat(balances.advance(wijk.id, first).orElseThrow().reimbursements()).isEmpty();
        SequencedDeadLetterQueue<EventMessage<?>> parked = queue();
        assertThat(parked.sequenceSize(first.value())).as("the refused event and the one behind it").isEqualTo(2);
        assertThat(parked.contains(second.value())).isFalse();
        assertThat(health().getStatusCode().value()).isEqualTo(503);
        assertThat(health().getBody()).contains("DOWN").doesNotContain("parkedEvents");
        // Who runs the machine sees how many, per processor.
        MemberId administrator = wijk.member("admin");
        accounts.makeSystemAdmin(administrator.value());
        String details = http.withBasicAuth(administrator.value(), Neighbours.PASSWORD)
                .getForEntity("/actuator/health", String.class).getBody();
        assertThat(details).contains("\"parkedEvents\":{\"status\":\"DOWN\"", "\"parkedEvents\":2", "\"balances\":2");

        JsonNode listed = new Api(http, wijk.id).get(wijk.coordinator, "/parked-events").getBody();
        assertThat(listed.path("parkedEvents").asLong()).as(listed.toString()).isEqualTo(2);
        JsonNode sequence = listed.path("sequences").get(0);
        assertThat(sequence.path("processor").asText()).isEqualTo(AdvanceBalances.PROCESSING_GROUP);
        assertThat(sequence.path("sequence").asText()).isEqualTo(first.value());
        assertThat(sequence.path("eventType").asText()).isEqualTo("AdvanceReimbursed");
        assertThat(sequence.path("globalIndex").asLong()).isPositive();
        assertThat(sequence.path("reason").asText())
                .contains("out of step at advance " + first.value(), "does not match the outstanding amount");
        assertThat(sequence.path("parkedEvents").asLong()).isEqualTo(2);

        // The fix: the row back to what the events say. Then the coordinator retries.
        jdbc.update("UPDATE advance_balance SET outstanding_cents = outstanding_cents + 1000 WHERE advance_id = ?", first.value());
        JsonNode retried = new Api(http, wijk.id).post(wijk.coordinator, "/parked-events/retry", "").getBody();

        assertThat(retried.path("sequencesApplied").asInt()).as(retried.toString()).isEqualTo(1);
        assertThat(retried.path("sequencesStillParked").asInt()).isZero();
        assertThat(retried.path("parkedEventsLeft").asLong()).isZero();
        assertThat(balances.advance(wijk.id, first).orElseThrow().outstanding()).isEqualTo(Money.eur("25.00"));
        assertThat(parked.size()).isZero();
        assertThat(health().getStatusCode().value()).isEqualTo(200);
        assertThat(readModels.check(line -> { })).as("the read models equal a fresh replay").isEmpty();
    }

    @Test
    void aRefusedEventLeavesNoneOfItsWritesBehindAndItsReasonNoValues() {
        AdvanceId first = made("40.00");
        // A reimbursement row the events never made: the handler lowers the balance and queues a
        // movement before its own insert of that row fails.
        jdbc.update("""
                INSERT INTO advance_reimbursement (advance_id, reimbursement_id, community_id, currency, amount_cents, paid_on)
                VALUES (?, 'r-forged', ?, 'EUR', 100, ?)""", first.value(), wijk.id.value(), today);

        reimburse(first, "r-forged", "10.00");
        AdvanceId second = made("3.00");

        await().atMost(CATCH_UP).until(() -> balances.advance(wijk.id, second).isPresent());
        assertThat(balances.advance(wijk.id, first).orElseThrow().outstanding()).as("the balance's update was undone")
                .isEqualTo(Money.eur("40.00"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM advance_movement WHERE advance_id = ?", Long.class, first.value()))
                .as("the queued movement was dropped").isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM advance_step WHERE advance_id = ?", Long.class, first.value()))
                .isEqualTo(1L);
        String reason = new Api(http, wijk.id).get(wijk.coordinator, "/parked-events").getBody()
                .path("sequences").get(0).path("reason").asText();
        assertThat(reason).contains("SQLSTATE 23505").doesNotContain("r-forged").doesNotContain(first.value());

        jdbc.update("DELETE FROM advance_reimbursement WHERE advance_id = ? AND reimbursement_id = 'r-forged'", first.value());
        ResponseEntity<JsonNode> retried = new Api(http, wijk.id).post(wijk.coordinator,
                "/parked-events/retry?processor=balances&sequence=" + first.value(), "");

        assertThat(retried.getBody().path("sequencesApplied").asInt()).as(retried.toString()).isEqualTo(1);
        assertThat(balances.advance(wijk.id, first).orElseThrow().outstanding()).isEqualTo(Money.eur("30.00"));
        assertThat(queue().size()).isZero();
    }

    @Test
    void aRetryBeforeTheFixKeepsTheSequenceParkedAndARebuildEmptiesTheQueue() {
        AdvanceId first = made("50.00");
        jdbc.update("UPDATE advance_balance SET outstanding_cents = outstanding_cents - 1000 WHERE advance_id = ?", first.value());
        reimburse(first, "r-1", "20.00");
        await().atMost(CATCH_UP).until(() -> queue().contains(first.value()));

        JsonNode retried = new Api(http, wijk.id).post(wijk.coordinator, "/parked-events/retry", "").getBody();

        assertThat(retried.path("sequencesApplied").asInt()).as(retried.toString()).isZero();
        assertThat(retried.path("sequencesStillParked").asInt()).isEqualTo(1);
        assertThat(retried.path("parkedEventsLeft").asLong()).isEqualTo(1);
        assertThat(balances.advance(wijk.id, first).orElseThrow().outstanding()).isEqualTo(Money.eur("40.00"));

        // A rebuild replays every event into empty tables: the cause is gone, and so is the queue.
        readModels.rebuild(line -> { });

        assertThat(queue().size()).isZero();
        assertThat(balances.advance(wijk.id, first).orElseThrow().outstanding()).isEqualTo(Money.eur("30.00"));
        assertThat(health().getStatusCode().value()).isEqualTo(200);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return processing.deadLetterQueue(AdvanceBalances.PROCESSING_GROUP).orElseThrow();
    }

    private ResponseEntity<String> health() {
        return http.getForEntity("/actuator/health", String.class);
    }

    private AdvanceId made(String euros) {
        AdvanceId advance = AdvanceId.of(Neighbours.unique("adv"));
        commands.sendAndWait(new MakeAdvance(advance, wijk.id, lender, borrower, Money.eur(euros), Purpose.GROCERIES, today, lender));
        await().atMost(CATCH_UP).until(() -> balances.advance(wijk.id, advance).isPresent());
        return advance;
    }

    private void reimburse(AdvanceId advance, String command, String euros) {
        commands.sendAndWait(new ReimburseAdvance(advance, CommandId.of(command), Money.eur(euros), today, borrower));
    }
}
