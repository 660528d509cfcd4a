package nl.wederkerig.api.claims;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static nl.wederkerig.api.support.Api.answer;
import static nl.wederkerig.api.support.Api.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimHttpTest {

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
    InitiativeId initiative;
    String claimId;
    String claims;

    @BeforeAll
    void community() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "claims");
        api = new Api(http, wijk.id);
    }

    @BeforeEach
    void setUp() {
        treasurer = wijk.member("tessa");
        volunteer = wijk.member("vera");
        initiative = wijk.initiative("aanschuiven");
        wijk.treasurer(treasurer, initiative);
        claimId = Neighbours.unique("claim");
        claims = "/initiatives/" + initiative + "/claims";
    }

    String eighteenForty() {
        return """
                {"claimId":"%s","amount":{"amount":"18.40","currency":"EUR"},"category":"MATERIALS","receipt":"ACTION-77"}"""
                .formatted(claimId);
    }

    long stored() {
        return wijk.events(claimId);
    }

    /** Submits as {@code claimant} and waits until the funds read model knows the claim's initiative. */
    void submitted(MemberId claimant) {
        ResponseEntity<JsonNode> submitted = api.post(claimant, claims, eighteenForty());
        assertThat(submitted.getStatusCode().value()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM fund_claim_movement WHERE claim_id = ?", Long.class, claimId) > 0);
    }

    @Test
    void aSubmittedClaimCountsAsOpenAndIsApprovedByATreasurer() {
        ResponseEntity<JsonNode> submitted = api.post(volunteer, claims, eighteenForty());
        assertThat(submitted.getStatusCode().value()).isEqualTo(201);
        assertThat(submitted.getHeaders().getLocation()).hasToString("/api/v1/communities/" + wijk.id + claims + "/" + claimId);
        assertThat(submitted.getBody().path("claimId").asText()).isEqualTo(claimId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get(treasurer,
                "/initiatives/" + initiative + "/balance").getBody().path("claimsSubmitted").path("count").asLong()).isEqualTo(1));

        ResponseEntity<JsonNode> approved = api.post(treasurer, claims + "/" + claimId + "/approval", "{\"commandId\":\"ok\"}");

        assertThat(approved.getStatusCode().value()).isEqualTo(200);
        assertThat(approved.getBody().path("commandId").asText()).isEqualTo("ok");
        assertThat(wijk.events(claimId, "nl.wederkerig.core.claims.ClaimApproved")).isEqualTo(1);
        String payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                (rs, i) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8), claimId,
                "nl.wederkerig.core.claims.ClaimSubmitted");
        assertThat(payload).contains("\"claimant\":\"" + volunteer + "\"");
    }

    @Test
    void theClaimShowsItsStatusHistoryAndReceiptToClaimantTreasurerAndCoordinatorOnly() {
        submitted(volunteer);
        api.post(treasurer, claims + "/" + claimId + "/approval", "{\"commandId\":\"ok\"}");
        String claim = claims + "/" + claimId;

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode seen = api.get(volunteer, claim).getBody();
            assertThat(seen.path("status").asText()).isEqualTo("APPROVED");
            assertThat(seen.path("receipt").asText()).isEqualTo("ACTION-77");
            assertThat(seen.path("amount").path("amount").asText()).isEqualTo("18.40");
            assertThat(seen.path("steps").findValuesAsText("kind")).containsExactly("SUBMITTED", "APPROVED");
            assertThat(seen.path("steps").get(1).path("actor").asText()).isEqualTo(treasurer.value());
        });
        assertThat(api.get(treasurer, claim).getStatusCode().value()).isEqualTo(200);
        assertThat(api.get(wijk.coordinator, claim).getStatusCode().value()).isEqualTo(200);

        // Another neighbour, or the claim asked for under another initiative: as if there were no claim.
        MemberId neighbour = wijk.member("nina");
        InitiativeId other = wijk.initiative("buurthulp");
        String unknown = claims + "/" + Neighbours.unique("claim");
        assertThat(answer(api.get(neighbour, claim))).isEqualTo("404 not-found");
        assertThat(api.get(neighbour, claim).getBody().path("detail")).isEqualTo(api.get(neighbour, unknown).getBody().path("detail"));
        assertThat(answer(api.get(treasurer, "/initiatives/" + other + "/claims/" + claimId))).isEqualTo("404 not-found");
    }

    @Test
    void aTreasurerNeverApprovesTheirOwnClaim() {
        submitted(treasurer);
        long before = stored();

        ResponseEntity<JsonNode> own = api.post(treasurer, claims + "/" + claimId + "/approval", "{\"commandId\":\"ok\"}", "en");

        assertThat(answer(own)).isEqualTo("422 own-claim-approval");
        assertThat(own.getBody().path("title").asText()).isEqualTo("You may not approve your own expense claim");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void onlyATreasurerOfTheClaimsOwnInitiativeOtherThanTheClaimantDecidesIt() {
        submitted(volunteer);
        MemberId neighbour = wijk.member("nina");
        InitiativeId other = wijk.initiative("buurthulp");
        MemberId otherTreasurer = wijk.member("otto");
        wijk.treasurer(otherTreasurer, other);
        long before = stored();

        assertThat(answer(api.post(neighbour, claims + "/" + claimId + "/approval", "{\"commandId\":\"ok\"}")))
                .isEqualTo("403 forbidden");
        assertThat(answer(api.post(otherTreasurer, claims + "/" + claimId + "/approval", "{\"commandId\":\"ok\"}")))
                .isEqualTo("403 forbidden");
        // A coordinator decides only when the claimant is the initiative's only treasurer; here a treasurer does.
        assertThat(answer(api.post(wijk.coordinator, claims + "/" + claimId + "/rejection",
                "{\"commandId\":\"no\",\"reason\":\"OTHER\"}"))).isEqualTo("403 claim-reviewer-only");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aRejectedClaimCannotBeApprovedAfterwards() {
        submitted(volunteer);

        ResponseEntity<JsonNode> rejected = api.post(treasurer, claims + "/" + claimId + "/rejection",
                "{\"commandId\":\"no\",\"reason\":\"NO_BUDGET\",\"reasonCode\":\"budget-2026-spent\"}");
        assertThat(rejected.getStatusCode().value()).isEqualTo(200);
        assertThat(wijk.events(claimId, "nl.wederkerig.core.claims.ClaimRejected")).isEqualTo(1);

        long before = stored();
        assertThat(answer(api.post(treasurer, claims + "/" + claimId + "/approval", "{\"commandId\":\"ok\"}")))
                .isEqualTo("422 claim-not-in-this-state");
        assertThat(answer(api.post(treasurer, claims + "/" + claimId + "/rejection",
                "{\"commandId\":\"no-2\",\"reason\":\"Geen zin\"}"))).isEqualTo("400 bad-request");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aClaimIsDecidedOnlyUnderItsOwnInitiative() {
        submitted(volunteer);
        InitiativeId other = wijk.initiative("buurthulp");
        long before = stored();

        // Not her initiative: refused for who she is there, before anything is looked up.
        assertThat(answer(api.post(treasurer, "/initiatives/" + other + "/claims/" + claimId + "/approval", "{\"commandId\":\"ok\"}")))
                .isEqualTo("403 forbidden");
        // A coordinator may decide under any initiative, but this claim is not of that one.
        assertThat(answer(api.post(wijk.coordinator, "/initiatives/" + other + "/claims/" + claimId + "/approval",
                "{\"commandId\":\"ok\"}"))).isEqualTo("404 not-found");
        assertThat(answer(api.post(treasurer, claims + "/onbekend/approval", "{\"commandId\":\"ok\"}"))).isEqualTo("404 not-found");
        assertThat(answer(api.post(volunteer, "/initiatives/onbekend/claims", eighteenForty()))).isEqualTo("404 not-found");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void badInputOrAnOverlargeClaimStoresNothing() {
        assertThat(answer(api.post(volunteer, claims, eighteenForty().replace("18.40", "2500.01")))).isEqualTo("422 amount-too-large");
        assertThat(answer(api.post(volunteer, claims, eighteenForty().replace(",\"receipt\":\"ACTION-77\"", ""))))
                .isEqualTo("400 bad-request");
        assertThat(answer(api.post(volunteer, claims, with(eighteenForty(), "\"status\":\"APPROVED\""))))
                .isEqualTo("400 bad-request");
        assertThat(answer(api.post(volunteer, claims, with(eighteenForty(), "\"claimant\":\"" + treasurer + "\""))))
                .isEqualTo("400 bad-request");
        assertThat(stored()).isZero();
    }
}
