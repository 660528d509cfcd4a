package nl.wederkerig.api.reciprocity;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
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
import java.time.LocalDate;

import static nl.wederkerig.api.support.Api.answer;
import static nl.wederkerig.api.support.Api.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReciprocityHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    final LocalDate today = LocalDate.now(LedgerTime.ZONE);
    OwnCommunity wijk;
    Api api;
    InitiativeId initiative;
    PartnerId partner;
    String base;

    @BeforeAll
    void community() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "reciprocity");
        api = new Api(http, wijk.id);
        initiative = wijk.initiative("buurthulp");
    }

    @BeforeEach
    void setUp() {
        partner = wijk.partner("zorg");
        base = "/partners/" + partner;
    }

    String hours(String commandId, int minutes) {
        return """
                {"commandId":"%s","initiativeId":"%s","hours":{"minutes":%d}}""".formatted(commandId, initiative, minutes);
    }

    String money(String commandId, String amount) {
        return """
                {"commandId":"%s","initiativeId":"%s","amount":{"amount":"%s","currency":"EUR"}}"""
                .formatted(commandId, initiative, amount);
    }

    long stored() {
        return wijk.events(partner.value());
    }

    JsonNode statement() {
        return api.get(wijk.coordinator, base + "/statement?from=" + today.minusDays(7) + "&to=" + today).getBody();
    }

    @Test
    void everyKindOfEntryReachesThePartnersStatement() {
        ResponseEntity<JsonNode> drawn = api.post(wijk.coordinator, base + "/hours-drawn", hours("outings", 360));
        assertThat(drawn.getStatusCode().value()).isEqualTo(200);
        assertThat(drawn.getBody().path("partnerId").asText()).isEqualTo(partner.value());
        assertThat(drawn.getBody().path("commandId").asText()).isEqualTo("outings");
        assertThat(api.post(wijk.coordinator, base + "/services-drawn", """
                {"commandId":"room","initiativeId":"%s","category":"ROOM_USE","count":3}""".formatted(initiative))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(api.post(wijk.coordinator, base + "/money-returned", money("returned", "150.00")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(api.post(wijk.coordinator, base + "/in-kind-returned", """
                {"commandId":"food","initiativeId":"%s","category":"FOOD","value":{"amount":"40.00","currency":"EUR"}}"""
                .formatted(initiative)).getStatusCode().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode line = statement().path("initiatives").path(0);
            assertThat(line.path("initiativeId").asText()).isEqualTo(initiative.value());
            assertThat(line.path("drawnMinutes").asLong()).isEqualTo(360);
            assertThat(line.path("returnedMoney").path("amount").asText()).isEqualTo("150.00");
            assertThat(line.path("returnedInKind").path("amount").asText()).isEqualTo("40.00");
        });
        // Service counts are suppressed below five in the statement: the event store shows the entry.
        assertThat(wijk.events(partner.value(), "nl.wederkerig.core.reciprocity.ServiceDrawn")).isEqualTo(1);
        assertThat(stored()).isEqualTo(4);
    }

    @Test
    void anEntryIsReversedOnceAndLeavesTheStatement() {
        api.post(wijk.coordinator, base + "/money-returned", money("returned", "150.00"));
        String reversal = "{\"commandId\":\"%s\",\"reason\":\"ENTERED_IN_ERROR\"}";

        assertThat(api.post(wijk.coordinator, base + "/entries/returned/reversal", reversal.formatted("undo-1"))
                .getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(wijk.events(partner.value(), "nl.wederkerig.core.reciprocity.ReciprocityEntryReversed")).isEqualTo(1));

        long before = stored();
        assertThat(answer(api.post(wijk.coordinator, base + "/entries/returned/reversal", reversal.formatted("undo-2"))))
                .isEqualTo("422 already-reversed");
        assertThat(answer(api.post(wijk.coordinator, base + "/entries/nothing/reversal", reversal.formatted("undo-3"))))
                .isEqualTo("422 not-reversible");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anUnknownInitiativeOrPartnerIsRefusedAndStoresNothing() {
        assertThat(answer(api.post(wijk.coordinator, base + "/hours-drawn", hours("x", 60).replace(initiative.value(), "onbekend"))))
                .isEqualTo("422 unknown-initiative");
        assertThat(answer(api.post(wijk.coordinator, "/partners/onbekend/hours-drawn", hours("x", 60)))).isEqualTo("404 not-found");
        assertThat(answer(api.post(wijk.coordinator, base + "/hours-drawn", hours("x", 0)))).isEqualTo("422 hours-not-positive");
        assertThat(answer(api.post(wijk.coordinator, base + "/money-returned", money("x", "150.00").replace("EUR", "USD"))))
                .startsWith("422");
        assertThat(stored()).isZero();
    }

    @Test
    void badInputIsA400AndStoresNothing() {
        assertThat(answer(api.post(wijk.coordinator, base + "/hours-drawn", "{\"commandId\":"))).isEqualTo("400 bad-request");
        assertThat(answer(api.post(wijk.coordinator, base + "/hours-drawn", with(hours("x", 60), "\"actor\":\"" + wijk.coordinator + "\""))))
                .isEqualTo("400 bad-request");
        assertThat(answer(api.post(wijk.coordinator, base + "/services-drawn", """
                {"commandId":"x","initiativeId":"%s","category":"ROOM_USE","count":1001}""".formatted(initiative))))
                .isEqualTo("400 bad-request");
        assertThat(answer(api.post(wijk.coordinator, base + "/services-drawn", """
                {"commandId":"x","initiativeId":"%s","category":"ROOM_USE","count":2.5}""".formatted(initiative))))
                .isEqualTo("400 bad-request");
        assertThat(answer(api.post(wijk.coordinator, base + "/money-returned", money("x", "12.345")))).isEqualTo("400 bad-request");
        assertThat(stored()).isZero();
    }

    @Test
    void aTreasurerRecordsForTheirOwnInitiativeOnlyAndOnlyACoordinatorReverses() {
        MemberId treasurer = wijk.member("tessa");
        wijk.treasurer(treasurer, initiative);
        InitiativeId other = wijk.initiative("aanschuiven");
        MemberId neighbour = wijk.member("nina");

        assertThat(api.post(treasurer, base + "/hours-drawn", hours("outings", 120)).getStatusCode().value()).isEqualTo(200);
        long before = stored();
        assertThat(answer(api.post(treasurer, base + "/hours-drawn", hours("other", 60).replace(initiative.value(), other.value()))))
                .isEqualTo("403 forbidden");
        assertThat(answer(api.post(neighbour, base + "/money-returned", money("x", "5.00")))).isEqualTo("403 forbidden");
        assertThat(answer(api.post(treasurer, base + "/entries/outings/reversal", "{\"commandId\":\"u\",\"reason\":\"OTHER\"}")))
                .isEqualTo("403 forbidden");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aMemberOfAnotherCommunityRecordsNothing() {
        OwnCommunity other = OwnCommunity.found(commands, accounts, jdbc, "elders");
        assertThat(answer(api.post(other.coordinator, base + "/hours-drawn", hours("x", 60)))).isEqualTo("403 forbidden");
        assertThat(stored()).isZero();
    }
}
