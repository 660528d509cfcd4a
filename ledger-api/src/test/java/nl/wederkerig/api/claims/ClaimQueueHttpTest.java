package nl.wederkerig.api.claims;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.shared.InitiativeId;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static nl.wederkerig.api.support.Api.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The treasurer's claims queue beyond approve and reject: a question back to the claimant and their
 * answer, whom to pay (the claimant's IBAN and the WDK reference, for treasurers only) and a claim
 * paid by hand. Four eyes stay: the claimant never questions nor approves their own claim; anyone
 * who may not see a claim gets the same 404 as for no claim.
 */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimQueueHttpTest {

    static final String QUESTION = "Welke winkel was dit? De bon is vaag.";
    static final String ANSWER = "De Action aan de Beijerlandselaan.";

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    OwnCommunity wijk;
    Api api;
    MemberId treasurer;
    MemberId volunteer;
    MemberId auditor;
    MemberId outsider;
    InitiativeId initiative;
    String claimId;
    String claims;
    String claim;

    @BeforeAll
    void community() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "queue");
        api = new Api(http, wijk.id);
    }

    @BeforeEach
    void setUp() {
        treasurer = wijk.member("tessa");
        volunteer = wijk.member("vera");
        auditor = wijk.member("kas");
        outsider = wijk.member("nina");
        initiative = wijk.initiative("aanschuiven");
        wijk.treasurer(treasurer, initiative);
        wijk.role(auditor, Role.auditorOf(initiative));
        claimId = Neighbours.unique("claim");
        claims = "/initiatives/" + initiative + "/claims";
        claim = claims + "/" + claimId;
    }

    void submitted(MemberId claimant) {
        assertThat(answer(api.post(claimant, claims, """
                {"claimId":"%s","amount":{"amount":"18.40","currency":"EUR"},"category":"MATERIALS","receipt":"ACTION-77"}"""
                .formatted(claimId)))).isEqualTo("201");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM fund_claim_movement WHERE claim_id = ?", Long.class, claimId) > 0);
        awaitStatus("SUBMITTED");
    }

    void awaitStatus(String status) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get(treasurer, claim).getBody().path("status").asText()).isEqualTo(status));
    }

    String question(String text) {
        return "{\"commandId\":\"%s\",\"question\":%s}".formatted(Neighbours.unique("ask"), json(text));
    }

    String reply(String text) {
        return "{\"commandId\":\"%s\",\"answer\":%s}".formatted(Neighbours.unique("reply"), json(text));
    }

    static String json(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }

    @Test
    void theTreasurerAsksTheClaimantAnswersAndOnlyThenTheClaimIsDecided() {
        submitted(volunteer);

        assertThat(answer(api.post(treasurer, claim + "/information-request", question(QUESTION)))).isEqualTo("200");
        awaitStatus("NEEDS_INFORMATION");
        // Waiting for the answer: not to be approved yet, and in the queue as waiting.
        assertThat(answer(api.post(treasurer, claim + "/approval", "{\"commandId\":\"ok-early\"}"))).isEqualTo("422 claim-not-in-this-state");
        assertThat(api.get(treasurer, claims).getBody().findValuesAsText("status")).contains("NEEDS_INFORMATION");
        JsonNode seen = api.get(volunteer, claim + "/questions").getBody();
        assertThat(seen.findValuesAsText("text")).containsExactly(QUESTION);
        assertThat(seen.findValuesAsText("kind")).containsExactly("INFORMATION_REQUESTED");

        assertThat(answer(api.post(volunteer, claim + "/information", reply(ANSWER)))).isEqualTo("200");
        awaitStatus("SUBMITTED");
        assertThat(api.get(treasurer, claim + "/questions").getBody().findValuesAsText("text")).containsExactly(QUESTION, ANSWER);
        assertThat(api.get(auditor, claim + "/questions").getBody().findValuesAsText("text")).containsExactly(QUESTION, ANSWER);
        assertThat(api.get(treasurer, claim).getBody().path("steps").findValuesAsText("kind"))
                .containsExactly("SUBMITTED", "INFORMATION_REQUESTED", "INFORMATION_PROVIDED");
        assertThat(answer(api.post(treasurer, claim + "/approval", "{\"commandId\":\"ok\"}"))).isEqualTo("200");

        // Personal free text never in clear in the events.
        assertThat(payloads()).doesNotContain("Action aan de").doesNotContain("bon is vaag");
    }

    @Test
    void theClaimantNeverQuestionsTheirOwnClaimAndOthersCannotAnswerOrReadIt() {
        submitted(treasurer);
        long before = wijk.events(claimId);
        assertThat(answer(api.post(treasurer, claim + "/information-request", question(QUESTION)))).isEqualTo("422 own-claim-approval");
        assertThat(wijk.events(claimId)).isEqualTo(before);

        MemberId second = wijk.member("tom");
        wijk.treasurer(second, initiative);
        assertThat(answer(api.post(second, claim + "/information-request", question(QUESTION)))).isEqualTo("200");
        awaitStatus("NEEDS_INFORMATION");

        // Only the claimant answers; to anyone else the claim is not there, exactly as an unknown one.
        String unknown = claims + "/" + Neighbours.unique("claim");
        for (MemberId stranger : new MemberId[] {outsider, second, auditor}) {
            ResponseEntity<JsonNode> refused = api.post(stranger, claim + "/information", reply(ANSWER));
            assertThat(answer(refused)).isEqualTo("404 not-found");
            assertThat(refused.getBody().path("detail"))
                    .isEqualTo(api.post(stranger, unknown + "/information", reply(ANSWER)).getBody().path("detail"));
        }
        assertThat(answer(api.get(outsider, claim + "/questions"))).isEqualTo("404 not-found");
        assertThat(api.get(outsider, claim + "/questions").getBody().path("detail"))
                .isEqualTo(api.get(outsider, unknown + "/questions").getBody().path("detail"));
        // Neither an outsider nor the kascommissie asks questions: refused before the claim is looked at.
        String outsiderAsks = answer(api.post(outsider, claim + "/information-request", question(QUESTION)));
        assertThat(outsiderAsks).isEqualTo(answer(api.post(outsider, unknown + "/information-request", question(QUESTION))));
        assertThat(answer(api.post(auditor, claim + "/information-request", question(QUESTION)))).isEqualTo(outsiderAsks);
    }

    @Test
    void anEmptyQuestionOrAnswerStoresNothing() {
        submitted(volunteer);
        long before = wijk.events(claimId);
        assertThat(answer(api.post(treasurer, claim + "/information-request", question("   ")))).startsWith("400");
        assertThat(answer(api.post(treasurer, claim + "/information-request", question("x".repeat(501))))).startsWith("400");
        assertThat(wijk.events(claimId)).isEqualTo(before);

        api.post(treasurer, claim + "/information-request", question(QUESTION));
        awaitStatus("NEEDS_INFORMATION");
        long asked = wijk.events(claimId);
        assertThat(answer(api.post(volunteer, claim + "/information", reply("")))).startsWith("400");
        assertThat(wijk.events(claimId)).isEqualTo(asked);
    }

    @Test
    void theTreasurerSeesWhomToPayAndNobodyElseDoes() {
        submitted(volunteer);
        api.post(treasurer, claim + "/approval", "{\"commandId\":\"ok\"}");
        awaitStatus("APPROVED");

        JsonNode none = api.get(treasurer, claim + "/payee").getBody();
        assertThat(none.hasNonNull("iban")).isFalse();
        assertThat(none.path("reference").asText()).isEqualTo("WDK-" + claimId);

        assertThat(answer(putPayoutDetails(volunteer))).isEqualTo("200");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get(treasurer, claim + "/payee").getBody().path("iban").asText()).isEqualTo("NL91ABNA0417164300"));
        assertThat(api.get(treasurer, claim + "/payee").getBody().path("amount").path("amount").asText()).isEqualTo("18.40");

        String unknown = claims + "/" + Neighbours.unique("claim") + "/payee";
        for (MemberId other : new MemberId[] {auditor, wijk.coordinator, volunteer, outsider}) {
            ResponseEntity<JsonNode> refused = api.get(other, claim + "/payee");
            assertThat(answer(refused)).isEqualTo(answer(api.get(other, unknown)));
            assertThat(refused.getBody().toString()).doesNotContain("NL91");
        }
    }

    @Test
    void aClaimPaidByHandIsPaidWithoutABankLine() {
        submitted(volunteer);
        assertThat(answer(api.post(treasurer, "/initiatives/" + initiative + "/contributions", """
                {"commandId":"%s","amount":{"amount":"50.00","currency":"EUR"},"source":"DONATION","channel":"CASH_BOX"}"""
                .formatted(Neighbours.unique("gift"))))).isEqualTo("200");
        api.post(treasurer, claim + "/approval", "{\"commandId\":\"ok\"}");
        awaitStatus("APPROVED");

        assertThat(answer(api.post(treasurer, claim + "/payment", "{\"commandId\":\"%s\",\"channel\":\"CASH_BOX\"}"
                .formatted(Neighbours.unique("pay"))))).isEqualTo("200");

        awaitStatus("PAID");
        JsonNode steps = api.get(treasurer, claim).getBody().path("steps");
        assertThat(steps.findValuesAsText("kind")).containsExactly("SUBMITTED", "APPROVED", "PAID");
        assertThat(steps.get(2).path("channel").asText()).isEqualTo("CASH_BOX");
        assertThat(answer(api.get(treasurer, claim + "/payee"))).isEqualTo("404 not-found");
    }

    private String payloads() {
        return String.join("\n", jdbc.query("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), claimId));
    }

    private ResponseEntity<JsonNode> putPayoutDetails(MemberId as) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).exchange("/api/v1/communities/" + wijk.id
                        + "/members/me/payout-details", HttpMethod.PUT,
                new HttpEntity<>("{\"commandId\":\"%s\",\"iban\":\"NL91ABNA0417164300\",\"accountHolder\":\"V. Vera\"}"
                        .formatted(Neighbours.unique("payout")), headers), JsonNode.class);
    }
}
