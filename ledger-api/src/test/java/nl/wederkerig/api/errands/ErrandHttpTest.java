package nl.wederkerig.api.errands;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.errands.Errand;
import nl.wederkerig.core.shared.ErrandId;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrandHttpTest {

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
    MemberId asker;
    MemberId helper;
    String errandId;

    @BeforeAll
    void community() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "errands");
        api = new Api(http, wijk.id);
    }

    @BeforeEach
    void setUp() {
        asker = wijk.member("dirk");
        helper = wijk.member("cees");
        errandId = Neighbours.unique("errand");
    }

    String fifty() {
        return """
                {"errandId":"%s","asker":"%s","helper":"%s","entrusted":{"amount":"50.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(errandId, asker, helper);
    }

    static String spending(String commandId, String amount) {
        return """
                {"commandId":"%s","spent":{"amount":"%s","currency":"EUR"},"receipt":"AH-2026-1187"}""".formatted(commandId, amount);
    }

    static String change(String commandId, String amount) {
        return """
                {"commandId":"%s","amount":{"amount":"%s","currency":"EUR"}}""".formatted(commandId, amount);
    }

    long stored() {
        return wijk.events(errandId);
    }

    @Test
    void fiftyEntrustedFortyThreeTwentySpentSixEightyHandedBack() {
        ResponseEntity<JsonNode> started = api.post(asker, "/errands", fifty());
        ResponseEntity<JsonNode> spent = api.post(helper, "/errands/" + errandId + "/spending", spending("spent-1", "43.20"));
        ResponseEntity<JsonNode> handedBack = api.post(helper, "/errands/" + errandId + "/change", change("change-1", "6.80"));

        assertThat(started.getStatusCode().value()).isEqualTo(201);
        assertThat(started.getHeaders().getLocation()).hasToString("/api/v1/communities/" + wijk.id + "/errands/" + errandId);
        assertThat(started.getBody().path("errandId").asText()).isEqualTo(errandId);
        assertThat(spent.getStatusCode().value()).isEqualTo(200);
        assertThat(spent.getBody().path("commandId").asText()).isEqualTo("spent-1");
        assertThat(handedBack.getStatusCode().value()).isEqualTo(200);
        assertThat(wijk.events(errandId, "nl.wederkerig.core.errands.ErrandStarted")).isEqualTo(1);
        assertThat(wijk.events(errandId, "nl.wederkerig.core.errands.ErrandSpendingReported")).isEqualTo(1);
        assertThat(wijk.events(errandId, "nl.wederkerig.core.errands.ErrandChangeReturned")).isEqualTo(1);

        // A retry of a step changes nothing.
        assertThat(api.post(helper, "/errands/" + errandId + "/change", change("change-1", "6.80")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void theErrandShowsWhoHoldsHowMuchOfTheAskersCashAtEachStep() {
        MemberId outsider = wijk.member("eva");
        String errand = "/errands/" + errandId;
        api.post(asker, "/errands", fifty());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get(helper, errand).getBody().path("heldByHelper").path("amount").asText()).isEqualTo("50.00"));

        api.post(helper, errand + "/spending", spending("spent-1", "43.20"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode seen = api.get(asker, errand).getBody();
            assertThat(seen.path("status").asText()).isEqualTo("CHANGE_DUE");
            assertThat(seen.path("heldByHelper").path("amount").asText()).isEqualTo("6.80");
            assertThat(seen.path("receipt").asText()).isEqualTo("AH-2026-1187");
        });

        api.post(helper, errand + "/change", change("change-1", "6.80"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode seen = api.get(asker, errand).getBody();
            assertThat(seen.path("heldByHelper").path("amount").asText()).isEqualTo("0.00");
            assertThat(seen.path("changeReturned").path("amount").asText()).isEqualTo("6.80");
        });
        // To anyone else the errand is not there, exactly as an errand nobody started.
        ResponseEntity<JsonNode> theirs = api.get(outsider, errand);
        ResponseEntity<JsonNode> nobodys = api.get(outsider, "/errands/" + Neighbours.unique("errand"));
        assertThat(answer(theirs)).isEqualTo("404 not-found");
        assertThat(theirs.getBody().path("detail")).isEqualTo(nobodys.getBody().path("detail"));
    }

    @Test
    void spendingMoreThanEntrustedBecomesAnAdvanceTheAskerSees() {
        api.post(asker, "/errands", fifty());
        assertThat(api.post(helper, "/errands/" + errandId + "/spending", spending("spent-1", "57.30")).getStatusCode().value())
                .isEqualTo(200);

        String advance = Errand.overspendAdvanceId(ErrandId.of(errandId)).value();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode seen = api.get(asker, "/advances/" + advance).getBody();
            assertThat(seen.path("outstanding").path("amount").asText()).isEqualTo("7.30");
            assertThat(seen.path("lender").asText()).isEqualTo(helper.value());
        });
    }

    @Test
    void changeThatDiffersFromWhatIsDueIsRefusedAndChangesNothing() {
        api.post(asker, "/errands", fifty());
        api.post(helper, "/errands/" + errandId + "/spending", spending("spent-1", "43.20"));
        long before = stored();

        ResponseEntity<JsonNode> mismatch = api.post(helper, "/errands/" + errandId + "/change", change("change-1", "6.00"));

        assertThat(answer(mismatch)).isEqualTo("422 change-mismatch");
        assertThat(mismatch.getBody().path("type").asText()).isEqualTo("https://wederkerig.nl/problems/change-mismatch");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void onlyThePartiesStartAnErrandAndOnlyTheHelperReportsOnIt() {
        MemberId stranger = Neighbours.register(accounts, wijk.id, "eva");

        assertThat(answer(api.post(stranger, "/errands", fifty()))).isEqualTo("403 actor-not-allowed");
        assertThat(stored()).isZero();
        assertThat(answer(api.post(asker, "/errands", fifty().replace(helper.value(), asker.value()))))
                .isEqualTo("422 self-errand");
        assertThat(stored()).isZero();

        api.post(helper, "/errands", fifty());
        long before = stored();
        assertThat(answer(api.post(asker, "/errands/" + errandId + "/spending", spending("spent-1", "10.00"))))
                .isEqualTo("403 actor-not-allowed");
        assertThat(answer(api.post(helper, "/errands/" + errandId + "/change", change("change-1", "10.00"))))
                .isEqualTo("422 errand-not-in-this-state");
        assertThat(answer(api.post(helper, "/errands/" + errandId + "/spending",
                "{\"commandId\":\"spent-2\",\"spent\":{\"amount\":\"10.00\",\"currency\":\"EUR\"}}"))).isEqualTo("422 receipt-missing");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void badInputIsA400AndAnUnknownErrandIsNotFound() {
        assertThat(answer(api.post(asker, "/errands", "{\"errandId\":"))).isEqualTo("400 bad-request");
        assertThat(answer(api.post(asker, "/errands", fifty().replace("\"purpose\"", "\"status\":\"DONE\",\"purpose\""))))
                .isEqualTo("400 bad-request");
        assertThat(answer(api.post(asker, "/errands", fifty().replace("50.00", "600.00")))).isEqualTo("422 amount-too-large");
        assertThat(answer(api.post(asker, "/errands", fifty().replace("EUR", "USD")))).startsWith("422");
        assertThat(stored()).isZero();
        assertThat(answer(api.post(helper, "/errands/" + errandId + "/spending", spending("spent-1", "1.00"))))
                .isEqualTo("404 not-found");
    }
}
