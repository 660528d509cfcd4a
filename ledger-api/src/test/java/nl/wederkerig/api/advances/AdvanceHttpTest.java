package nl.wederkerig.api.advances;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.StoredEvents;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvanceHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    MemberId lender;
    MemberId borrower;
    String advanceId;

    OwnCommunity wijk;
    Api api;

    @BeforeAll
    void community() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "advances");
        api = new Api(http, wijk.id);
    }

    @BeforeEach
    void setUp() {
        lender = wijk.member("amina");
        borrower = wijk.member("bram");
        advanceId = Neighbours.unique("adv");
    }

    ResponseEntity<JsonNode> post(MemberId as, String path, String json) {
        return post(as, path, json, null);
    }

    ResponseEntity<JsonNode> post(MemberId as, String path, String json, String language) {
        return language == null ? api.post(as, path, json) : api.post(as, path, json, language);
    }

    ResponseEntity<JsonNode> get(MemberId as, String path) {
        return api.get(as, path);
    }

    String makeFifty() {
        return """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"50.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(advanceId, borrower);
    }

    static String reimbursement(String commandId, String amount) {
        return """
                {"commandId":"%s","amount":{"amount":"%s","currency":"EUR"}}""".formatted(commandId, amount);
    }

    /** Events of this advance's own stream: for what a command did record. */
    long advanceEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, advanceId);
    }

    /**
     * Every event in the store, once policies have settled: "stores nothing" means nothing anywhere,
     * not only in the advance's stream (the borrower's AdvanceBook, the community, a fund).
     */
    long storeWide() {
        return StoredEvents.onceQuiet(jdbc);
    }

    @Test
    void advanceOfFiftyReimbursedTwentyThenThirtyLeavesNothingOwedAndIsSettled() {
        assertThat(post(lender, "/advances", makeFifty()).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> first = post(borrower, "/advances/" + advanceId + "/reimbursements", reimbursement("r-1", "20.00"));
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getHeaders().getLocation())
                .hasToString("/api/v1/communities/" + wijk.id + "/advances/" + advanceId + "/reimbursements/r-1");
        assertThat(post(borrower, "/advances/" + advanceId + "/reimbursements", reimbursement("r-2", "30.00"))
                .getStatusCode().value()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode advance = get(lender, "/advances/" + advanceId).getBody();
            assertThat(advance.path("status").asText()).isEqualTo("SETTLED");
            assertThat(advance.path("outstanding").path("amount").asText()).isEqualTo("0.00");
        });
        JsonNode lenderBalance = get(lender, "/members/" + lender + "/balance").getBody();
        assertThat(lenderBalance.path("net")).hasToString("{\"amount\":\"0.00\",\"currency\":\"EUR\"}");
        assertThat(lenderBalance.path("pairs")).isEmpty();
        JsonNode borrowerBalance = get(borrower, "/members/" + borrower + "/balance").getBody();
        assertThat(borrowerBalance.path("iOwe").path("amount").asText()).isEqualTo("0.00");
    }

    @Test
    void theLenderFindsTheReimbursementsIdOnTheAdvanceAndSeesItsReceiptConfirmed() {
        post(lender, "/advances", makeFifty());
        post(borrower, "/advances/" + advanceId + "/reimbursements", reimbursement("r-1", "20.00"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get(lender, "/advances/" + advanceId).getBody().path("reimbursements").findValuesAsText("reimbursementId"))
                .containsExactly("r-1"));

        JsonNode paid = get(lender, "/advances/" + advanceId + "/reimbursements/r-1").getBody();
        assertThat(paid.path("amount").path("amount").asText()).isEqualTo("20.00");
        assertThat(paid.hasNonNull("confirmedOn")).as("receipt not confirmed yet").isFalse();
        assertThat(post(lender, "/advances/" + advanceId + "/receipt-confirmations",
                "{\"commandId\":\"got-it\",\"reimbursementId\":\"r-1\"}").getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get(borrower, "/advances/" + advanceId + "/reimbursements/r-1").getBody().hasNonNull("confirmedOn")).isTrue());
        assertThat(get(borrower, "/advances/" + advanceId).getBody().path("reimbursements").get(0).hasNonNull("confirmedOn"))
                .isTrue();
        // Unknown reimbursement, or someone else asking: not found.
        assertThat(get(lender, "/advances/" + advanceId + "/reimbursements/r-9").getStatusCode().value()).isEqualTo(404);
        MemberId stranger = wijk.member("cees");
        assertThat(get(stranger, "/advances/" + advanceId + "/reimbursements/r-1").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void overReimbursementIsAProblemWithAStableTypeAndChangesNothing() {
        post(lender, "/advances", makeFifty());
        long before = storeWide();

        ResponseEntity<JsonNode> response = post(borrower, "/advances/" + advanceId + "/reimbursements",
                reimbursement("r-1", "50.01"));

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().path("type").asText()).isEqualTo("https://wederkerig.nl/problems/over-reimbursement");
        assertThat(response.getBody().path("title").asText()).isEqualTo("Je betaalt meer terug dan er nog openstaat");
        assertThat(response.getBody().toString()).doesNotContain("Exception").doesNotContain("nl.wederkerig");
        assertThat(storeWide()).isEqualTo(before);
    }

    @Test
    void answersInEnglishWhenAskedTo() {
        post(lender, "/advances", makeFifty());
        ResponseEntity<JsonNode> response = post(borrower, "/advances/" + advanceId + "/reimbursements",
                reimbursement("r-1", "50.01"), "en");
        assertThat(response.getBody().path("title").asText()).isEqualTo("You are paying back more than is still outstanding");
    }

    @Test
    void repeatingACommandChangesNothingButReusingItsIdForAnotherIsRejected() {
        assertThat(post(lender, "/advances", makeFifty()).getStatusCode().value()).isEqualTo(201);
        assertThat(post(lender, "/advances", makeFifty()).getStatusCode().value()).isEqualTo(201);
        assertThat(advanceEvents()).isEqualTo(1);

        ResponseEntity<JsonNode> changed = post(lender, "/advances", makeFifty().replace("50.00", "60.00"));
        assertThat(changed.getStatusCode().value()).isEqualTo(409);
        assertThat(changed.getBody().path("code").asText()).isEqualTo("command-id-reused");
        assertThat(advanceEvents()).isEqualTo(1);
    }

    @Test
    void theActorIsTheLoggedInMemberNeverAFieldOfTheBody() {
        long storeAtStart = storeWide();
        ResponseEntity<JsonNode> response = post(borrower, "/advances",
                makeFifty().replace("\"purpose\"", "\"lender\":\"" + lender + "\",\"purpose\""));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().path("detail").asText()).isEqualTo("Het veld 'lender' kennen we niet.");
        assertThat(storeWide()).as("nothing stored anywhere").isEqualTo(storeAtStart);
    }

    @Test
    void someoneElseCannotReimburseOrSeeTheAdvanceOrABalance() {
        MemberId stranger = Neighbours.register(accounts, wijk.id, "cees");
        post(lender, "/advances", makeFifty());
        long before = storeWide();

        // Someone else's advance answers as one that does not exist: 404, naming nobody.
        assertThat(post(stranger, "/advances/" + advanceId + "/reimbursements", reimbursement("r-1", "10.00"))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(get(stranger, "/advances/" + advanceId).getStatusCode().value()).isEqualTo(404);
        assertThat(get(stranger, "/members/" + lender + "/balance").getStatusCode().value()).isEqualTo(403);
        assertThat(storeWide()).isEqualTo(before);
    }

    @Test
    void aMemberOfAnotherCommunityIsTurnedAway() {
        long storeAtStart = storeWide();
        MemberId outsider = Neighbours.register(accounts, CommunityId.of("rotterdam-noord"), "dirk");
        ResponseEntity<JsonNode> response = post(outsider, "/advances", makeFifty());
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(storeWide()).as("nothing stored anywhere").isEqualTo(storeAtStart);
    }

    @Test
    void badInputIsA400AndStoresNothing() {
        long storeAtStart = storeWide();
        assertThat(post(lender, "/advances", "{not json").getStatusCode().value()).isEqualTo(400);
        assertThat(post(lender, "/advances", makeFifty().replace("50.00", "50.001")).getStatusCode().value()).isEqualTo(400);
        assertThat(post(lender, "/advances", makeFifty().replace("GROCERIES", "CASINO")).getStatusCode().value()).isEqualTo(400);
        assertThat(post(lender, "/advances", makeFifty().replace(advanceId, "Robert'); DROP TABLE account;--"))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(post(lender, "/advances", "{\"borrower\":\"" + borrower + "\"}").getStatusCode().value()).isEqualTo(400);
        assertThat(storeWide()).as("nothing stored anywhere").isEqualTo(storeAtStart);
    }

    @Test
    void unknownAdvanceIs404() {
        assertThat(post(borrower, "/advances/" + advanceId + "/reimbursements", reimbursement("r-1", "1.00"))
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void withoutCredentialsNothingIsServedButHealthIs() {
        ResponseEntity<JsonNode> anonymous = http.getForEntity("/api/v1/communities/" + wijk.id + "/members/x/balance", JsonNode.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(anonymous.getBody().path("code").asText()).isEqualTo("unauthorized");
        assertThat(http.withBasicAuth(lender.value(), "wrong-password-1").getForEntity(
                "/api/v1/communities/" + wijk.id + "/members/" + lender + "/balance", JsonNode.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void eventsAreStoredAsJacksonJsonWithExactAmountsAndBothDates() {
        post(lender, "/advances", makeFifty().replace("\"purpose\"", "\"businessDate\":\"2026-01-05\",\"purpose\""));
        String payload = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                (rs, i) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8), advanceId);
        assertThat(payload)
                .contains("\"amount\":{\"amount\":\"50.00\",\"currency\":\"EUR\"}")
                .contains("\"businessDate\":\"2026-01-05\"")
                .contains("\"actor\":\"" + lender + "\"")
                .containsPattern("\"recordedAt\":\"\\d{4}-\\d\\d-\\d\\dT");
    }

    @Test
    void balanceAsOfAPastDateCountsBackDatedEntriesOnTheirOwnDate() {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();
        String weekAgo = java.time.LocalDate.parse(today).minusDays(7).toString();
        String fiveDaysAgo = java.time.LocalDate.parse(today).minusDays(5).toString();
        post(lender, "/advances", makeFifty().replace("\"purpose\"", "\"businessDate\":\"" + weekAgo + "\",\"purpose\""));
        post(borrower, "/advances/" + advanceId + "/reimbursements",
                "{\"commandId\":\"r-1\",\"amount\":{\"amount\":\"20.00\",\"currency\":\"EUR\"},\"businessDate\":\"" + fiveDaysAgo + "\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get(borrower, "/members/" + borrower + "/balance").getBody().path("iOwe").path("amount").asText())
                .isEqualTo("30.00"));
        assertThat(get(borrower, "/members/" + borrower + "/balance?asOf=" + weekAgo).getBody()
                .path("iOwe").path("amount").asText()).isEqualTo("50.00");
        assertThat(get(borrower, "/members/" + borrower + "/balance?asOf=" + fiveDaysAgo).getBody()
                .path("iOwe").path("amount").asText()).isEqualTo("30.00");
        assertThat(get(borrower, "/members/" + borrower + "/balance?asOf=2026-13-01").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void oversizeUnicodeAndInjectionInputIsRefusedAndStoresNothing() {
        long storeAtStart = storeWide();
        String padding = "x".repeat(70_000);
        ResponseEntity<JsonNode> oversize = post(lender, "/advances",
                makeFifty().replace("\"purpose\"", "\"padding\":\"" + padding + "\",\"purpose\""));
        assertThat(oversize.getStatusCode().value()).isEqualTo(413);
        assertThat(oversize.getBody().path("code").asText()).isEqualTo("payload-too-large");

        for (String hostile : new String[] {"bram' OR '1'='1", "<script>alert(1)</script>", "Bräm", "b\u0000ram", "bram\u202e"}) {
            ResponseEntity<JsonNode> answer = post(lender, "/advances", makeFifty().replace(borrower.value(), hostile));
            assertThat(answer.getStatusCode().value()).as(hostile).isEqualTo(400);
            assertThat(answer.getBody().toString()).doesNotContain("<script>");
        }
        assertThat(post(lender, "/advances", makeFifty().replace("50.00", "99999999999999999999.00")).getStatusCode().value())
                .isEqualTo(400);
        assertThat(post(lender, "/advances", makeFifty().replace("\"50.00\"", "50.0e3")).getStatusCode().value())
                .isEqualTo(400);
        assertThat(storeWide()).as("nothing stored anywhere").isEqualTo(storeAtStart);
    }

    @Test
    void anAdvanceInACommunityThatWasNeverFoundedIsRefused() {
        long storeAtStart = storeWide();
        CommunityId zuid = CommunityId.of("rotterdam-zuid-" + Neighbours.unique("x"));
        MemberId resident = Neighbours.register(accounts, zuid, "eva");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> answer = http.withBasicAuth(resident.value(), Neighbours.PASSWORD).exchange(
                "/api/v1/communities/" + zuid + "/advances", HttpMethod.POST, new HttpEntity<>(makeFifty(), headers), JsonNode.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getBody().path("code").asText()).isEqualTo("unknown-community");
        assertThat(storeWide()).as("nothing stored anywhere").isEqualTo(storeAtStart);
    }

    @Test
    void aReimbursementEnteredInErrorIsReversedOnceAndIsOwedAgain() {
        post(lender, "/advances", makeFifty());
        post(borrower, "/advances/" + advanceId + "/reimbursements", reimbursement("r-1", "20.00"));
        String reversal = "{\"commandId\":\"%s\",\"reason\":\"ENTERED_IN_ERROR\"}";

        ResponseEntity<JsonNode> reversed = post(borrower, "/advances/" + advanceId + "/reimbursements/r-1/reversal",
                reversal.formatted("undo-1"));

        assertThat(reversed.getStatusCode().value()).isEqualTo(200);
        assertThat(reversed.getBody().path("commandId").asText()).isEqualTo("undo-1");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get(lender, "/advances/" + advanceId).getBody().path("outstanding").path("amount").asText()).isEqualTo("50.00"));
        long before = storeWide();
        ResponseEntity<JsonNode> again = post(lender, "/advances/" + advanceId + "/reimbursements/r-1/reversal",
                reversal.formatted("undo-2"));
        assertThat(again.getStatusCode().value()).isEqualTo(422);
        assertThat(again.getBody().path("code").asText()).isEqualTo("already-reversed");
        MemberId stranger = Neighbours.register(accounts, wijk.id, "cees");
        assertThat(post(stranger, "/advances/" + advanceId + "/reimbursements/r-1/reversal", reversal.formatted("undo-3"))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(post(borrower, "/advances/" + advanceId + "/reimbursements/r-1/reversal",
                "{\"commandId\":\"undo-4\",\"reason\":\"ENTERED_IN_ERROR\",\"amount\":\"20.00\"}").getStatusCode().value())
                .isEqualTo(400);
        assertThat(storeWide()).isEqualTo(before);
    }
}
