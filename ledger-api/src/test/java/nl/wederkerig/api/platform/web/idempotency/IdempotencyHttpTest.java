package nl.wederkerig.api.platform.web.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerTest
class IdempotencyHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotencyRecords records;

    OwnCommunity wijk;
    CommunityId west;
    MemberId lender;
    MemberId borrower;

    @BeforeEach
    void setUp() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "idempotency");
        west = wijk.id;
        lender = wijk.member("amina");
        borrower = wijk.member("bram");
    }

    String body(String advanceId, String amount) {
        return """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"%s","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(advanceId, borrower, amount);
    }

    ResponseEntity<JsonNode> make(MemberId as, String key, String advanceId, String amount) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(IdempotencyFilter.HEADER, key);
        String body = body(advanceId, amount);
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).exchange(
                "/api/v1/communities/" + west + "/advances", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    long events(String advanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, advanceId);
    }

    @Test
    void aReplayReturnsTheOriginalStatusAndBodyWithoutRunningAgain() {
        String advance = Neighbours.unique("adv");
        ResponseEntity<JsonNode> first = make(lender, "key-1", advance, "12.00");
        ResponseEntity<JsonNode> again = make(lender, "key-1", advance, "12.00");

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(events(advance)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndStoresNothing() {
        String advance = Neighbours.unique("adv");
        String other = Neighbours.unique("adv");
        make(lender, "key-2", advance, "12.00");

        ResponseEntity<JsonNode> different = make(lender, "key-2", other, "99.00");

        assertThat(different.getStatusCode().value()).isEqualTo(422);
        assertThat(different.getBody().path("code").asText()).isEqualTo("idempotency-key-reused");
        assertThat(events(other)).isZero();
    }

    @Test
    void aRuleViolationIsReplayedAsTheSameProblem() {
        String advance = Neighbours.unique("adv");
        ResponseEntity<JsonNode> first = make(lender, "key-3", advance, "5000.01");
        ResponseEntity<JsonNode> again = make(lender, "key-3", advance, "5000.01");
        assertThat(first.getStatusCode().value()).isEqualTo(422);
        assertThat(again.getStatusCode().value()).isEqualTo(422);
        assertThat(again.getBody()).isEqualTo(first.getBody());
    }

    @Test
    void keysAreScopedPerUser() {
        String advance = Neighbours.unique("adv");
        MemberId cees = wijk.member("cees");
        make(lender, "shared-key", advance, "12.00");

        // Another user's identical key is another request: it runs, it is neither replayed nor refused.
        String theirs = Neighbours.unique("adv");
        ResponseEntity<JsonNode> other = make(cees, "shared-key", theirs, "12.00");

        assertThat(other.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(other.getStatusCode().value()).isEqualTo(201);
        assertThat(events(theirs)).isEqualTo(1);
    }

    @Test
    void twentyParallelRequestsWithOneKeyExecuteOnce() throws Exception {
        String advance = Neighbours.unique("adv");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> make(lender, "parallel-key", advance, "7.50"));
            }
            List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> answer : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                answers.add(answer.get());
            }
            assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode().value()).isEqualTo(201));
            assertThat(answers).filteredOn(answer -> answer.getHeaders().getFirst(IdempotencyFilter.REPLAYED) == null)
                    .hasSize(1);
            assertThat(answers).extracting(ResponseEntity::getBody).containsOnly(answers.get(0).getBody());
            assertThat(events(advance)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A crash between claiming a key and answering left the claim behind; the retry runs the request. */
    @Test
    void aClaimLeftByAStoppedInstanceIsRunByTheRetry() {
        String advance = Neighbours.unique("adv");
        String key = Neighbours.unique("crash");
        String fingerprint = IdempotencyFilter.fingerprint("POST", "/api/v1/communities/" + west + "/advances",
                body(advance, "3.00").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        jdbc.update("""
                INSERT INTO idempotency_record (username, idempotency_key, fingerprint, state, created_at, owner_instance)
                VALUES (?, ?, ?, 'IN_PROGRESS', CURRENT_TIMESTAMP, 'an-instance-that-was-killed')""",
                lender.value(), key, fingerprint);

        ResponseEntity<JsonNode> retry = make(lender, key, advance, "3.00");

        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(events(advance)).isEqualTo(1);
        assertThat(make(lender, key, advance, "3.00").getHeaders().getFirst(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(events(advance)).isEqualTo(1);
    }

    @Test
    void aClaimOfARunningInstanceIsNotTakenOver() {
        String key = Neighbours.unique("running");
        assertThat(records.claim(lender.value(), key, "f".repeat(64))).isTrue();
        IdempotencyRecords.Stored claimed = records.find(lender.value(), key).orElseThrow();

        assertThat(records.takeOverAbandoned(lender.value(), key, claimed)).isFalse();
        records.release(lender.value(), key);
    }

    @Test
    void anInvalidKeyIsA400() {
        ResponseEntity<JsonNode> answer = make(lender, "no spaces allowed", Neighbours.unique("adv"), "1.00");
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().path("code").asText()).isEqualTo("idempotency-key-invalid");
    }

    @Test
    void expiredKeysAreForgotten() {
        make(lender, "old-key", Neighbours.unique("adv"), "1.00");
        jdbc.update("UPDATE idempotency_record SET created_at = ? WHERE username = ? AND idempotency_key = 'old-key'",
                java.sql.Timestamp.from(java.time.Instant.now().minus(IdempotencyRecords.RETENTION).minusSeconds(60)),
                lender.value());
        assertThat(records.forgetExpired()).isGreaterThanOrEqualTo(1);
        assertThat(records.find(lender.value(), "old-key")).isEmpty();
    }
}
