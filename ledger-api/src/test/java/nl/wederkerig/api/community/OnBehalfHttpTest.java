package nl.wederkerig.api.community;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.StoredEvents;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recording on behalf of a neighbour without a phone (issue 12, flow 10): a coordinator, or a
 * neighbour the person named as helper, makes an advance or records help for them; the event keeps
 * both who typed it (actor) and the person (lender, helper). Anyone else is refused with 403 and
 * nothing is stored.
 */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnBehalfHttpTest {

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
    MemberId mrsX;
    MemberId mo;
    MemberId neighbour;
    MemberId stranger;

    @BeforeAll
    void community() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "onbehalf");
        api = new Api(http, wijk.id);
        mrsX = wijk.member("mrsx");
        mo = wijk.member("mo");
        neighbour = wijk.member("buur");
        stranger = wijk.member("vreemd");
    }

    String advanceFor(String advanceId, MemberId lender) {
        return """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"20.00","currency":"EUR"},"purpose":"GROCERIES","onBehalfOf":"%s"}"""
                .formatted(advanceId, mo, lender);
    }

    String payload(String aggregate) {
        return jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), aggregate,
                "nl.wederkerig.core.advances.AdvanceMade");
    }

    @Test
    void aCoordinatorMakesAnAdvanceForANeighbourAndTheEventHoldsBoth() {
        String advanceId = Neighbours.unique("adv");
        ResponseEntity<JsonNode> made = api.post(wijk.coordinator, "/advances", advanceFor(advanceId, mrsX));
        assertThat(made.getStatusCode().value()).as(Api.answer(made)).isEqualTo(201);
        assertThat(payload(advanceId)).contains("\"lender\":\"" + mrsX + "\"", "\"borrower\":\"" + mo + "\"",
                "\"actor\":\"" + wijk.coordinator + "\"");
        // Mrs X sees it as her own advance, recorded by the coordinator; he who typed it sees it too,
        // another neighbour does not.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get(mrsX, "/advances/" + advanceId).getStatusCode().value()).isEqualTo(200));
        JsonNode seen = api.get(mrsX, "/advances/" + advanceId).getBody();
        assertThat(seen.path("lender").asText()).isEqualTo(mrsX.value());
        assertThat(seen.path("recordedBy").asText()).isEqualTo(wijk.coordinator.value());
        assertThat(api.get(wijk.coordinator, "/advances/" + advanceId).getStatusCode().value()).isEqualTo(200);
        assertThat(api.get(stranger, "/advances/" + advanceId).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aStrangerIsRefusedWith403AndNothingIsStored() {
        String advanceId = Neighbours.unique("adv");
        long before = StoredEvents.onceQuiet(jdbc);
        ResponseEntity<JsonNode> refused = api.post(stranger, "/advances", advanceFor(advanceId, mrsX));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getBody().path("code").asText()).isEqualTo("actor-not-allowed");
        // The same answer for an id that is no member: the refusal reveals nothing about neighbours.
        ResponseEntity<JsonNode> unknown = api.post(stranger, "/advances", advanceFor(Neighbours.unique("adv"),
                MemberId.of("niemand-hier")));
        assertThat(unknown.getStatusCode().value()).isEqualTo(403);
        assertThat(unknown.getBody().path("code").asText()).isEqualTo("actor-not-allowed");
        assertThat(StoredEvents.onceQuiet(jdbc)).isEqualTo(before);
    }

    @Test
    void aNamedHelperMayRecordUntilTheConsentIsWithdrawn() {
        String helpers = "/members/" + mo + "/helpers";
        ResponseEntity<JsonNode> named = api.post(mo, helpers, """
                {"commandId":"%s","helper":"%s"}""".formatted(Neighbours.unique("name"), neighbour));
        assertThat(named.getStatusCode().value()).as(Api.answer(named)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get(neighbour, "/members/" + neighbour + "/helpers").getBody().path("representing").toString())
                .isEqualTo("[\"" + mo + "\"]"));
        assertThat(api.get(neighbour, helpers).getStatusCode().value()).as("another's consents are theirs alone").isEqualTo(403);

        String help = Neighbours.unique("help");
        ResponseEntity<JsonNode> recorded = api.post(neighbour, "/help", """
                {"helpId":"%s","receiver":"%s","hours":{"minutes":90},"kind":"COMPANY","onBehalfOf":"%s"}"""
                .formatted(help, mrsX, mo));
        assertThat(recorded.getStatusCode().value()).as(Api.answer(recorded)).isEqualTo(201);
        String helpPayload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), help);
        assertThat(helpPayload).contains("\"helper\":\"" + mo + "\"", "\"actor\":\"" + neighbour + "\"");

        ResponseEntity<JsonNode> withdrawn = api.post(mo, helpers + "/" + neighbour + "/withdrawal", """
                {"commandId":"%s"}""".formatted(Neighbours.unique("withdraw")));
        assertThat(withdrawn.getStatusCode().value()).as(Api.answer(withdrawn)).isEqualTo(200);
        ResponseEntity<JsonNode> refused = api.post(neighbour, "/help", """
                {"helpId":"%s","receiver":"%s","hours":{"minutes":90},"kind":"COMPANY","onBehalfOf":"%s"}"""
                .formatted(Neighbours.unique("help"), mrsX, mo));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void onBehalfOfIsStrictJson() {
        ResponseEntity<JsonNode> notAnId = api.post(wijk.coordinator, "/advances", """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"20.00","currency":"EUR"},"purpose":"GROCERIES","onBehalfOf":42}"""
                .formatted(Neighbours.unique("adv"), mo));
        assertThat(notAnId.getStatusCode().value()).isEqualTo(400);
    }
}
