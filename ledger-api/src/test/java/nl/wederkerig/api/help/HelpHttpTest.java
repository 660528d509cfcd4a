package nl.wederkerig.api.help;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
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
class HelpHttpTest {

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
    MemberId helper;
    MemberId receiver;
    String helpId;

    @BeforeAll
    void community() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "help");
        api = new Api(http, wijk.id);
    }

    @BeforeEach
    void setUp() {
        helper = wijk.member("amina");
        receiver = wijk.member("dirk");
        helpId = Neighbours.unique("help");
    }

    String ninetyMinutes() {
        return """
                {"helpId":"%s","receiver":"%s","hours":{"minutes":90},"kind":"COMPANY"}""".formatted(helpId, receiver);
    }

    long stored() {
        return wijk.events(helpId);
    }

    @Test
    void helpRecordedAndConfirmedShowsInBothTrustHistories() {
        ResponseEntity<JsonNode> recorded = api.post(helper, "/help", ninetyMinutes());
        ResponseEntity<JsonNode> confirmed = api.post(receiver, "/help/" + helpId + "/confirmation", "{\"commandId\":\"thanks\"}");

        assertThat(recorded.getStatusCode().value()).isEqualTo(201);
        assertThat(recorded.getHeaders().getLocation()).hasToString("/api/v1/communities/" + wijk.id + "/help/" + helpId);
        assertThat(recorded.getBody().path("helpId").asText()).isEqualTo(helpId);
        assertThat(confirmed.getStatusCode().value()).isEqualTo(200);
        assertThat(wijk.events(helpId, "nl.wederkerig.core.help.HelpConfirmed")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode given = api.get(helper, "/members/" + helper + "/trust-history").getBody();
            assertThat(given.toString()).contains("90");
        });
        String payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                (rs, i) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8), helpId,
                "nl.wederkerig.core.help.HelpRecorded");
        assertThat(payload).contains("\"minutes\":90").contains("\"helper\":\"" + helper + "\"").contains("\"actor\":\"" + helper + "\"");
    }

    @Test
    void theRecordOfHelpIsLookedUpByItsPartiesOnly() {
        MemberId outsider = wijk.member("eva");
        api.post(helper, "/help", ninetyMinutes());
        api.post(receiver, "/help/" + helpId + "/dispute", "{\"commandId\":\"no\",\"reason\":\"HOURS_WRONG\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode seen = api.get(helper, "/help/" + helpId).getBody();
            assertThat(seen.path("minutes").asLong()).isEqualTo(90);
            assertThat(seen.path("status").asText()).isEqualTo("DISPUTED");
            assertThat(seen.path("receiver").asText()).isEqualTo(receiver.value());
        });
        assertThat(api.get(receiver, "/help/" + helpId).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> theirs = api.get(outsider, "/help/" + helpId);
        assertThat(answer(theirs)).isEqualTo("404 not-found");
        assertThat(theirs.getBody().path("detail")).isEqualTo(api.get(outsider, "/help/" + Neighbours.unique("help")).getBody().path("detail"));
        // Nor can the outsider confirm it: the same 404, and nothing stored.
        long before = stored();
        assertThat(answer(api.post(outsider, "/help/" + helpId + "/confirmation", "{\"commandId\":\"mine\"}"))).isEqualTo("404 not-found");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theReceiverDisputesOnceAndMayThenStillConfirm() {
        api.post(helper, "/help", ninetyMinutes());

        assertThat(api.post(receiver, "/help/" + helpId + "/dispute", "{\"commandId\":\"no\",\"reason\":\"HOURS_WRONG\"}")
                .getStatusCode().value()).isEqualTo(200);
        long before = stored();
        assertThat(answer(api.post(receiver, "/help/" + helpId + "/dispute", "{\"commandId\":\"no-2\",\"reason\":\"OTHER\"}")))
                .isEqualTo("422 help-not-in-this-state");
        assertThat(stored()).isEqualTo(before);
        assertThat(api.post(receiver, "/help/" + helpId + "/confirmation", "{\"commandId\":\"ok\"}").getStatusCode().value())
                .isEqualTo(200);
        assertThat(wijk.events(helpId, "nl.wederkerig.core.help.HelpDisputed")).isEqualTo(1);
        assertThat(wijk.events(helpId, "nl.wederkerig.core.help.HelpConfirmed")).isEqualTo(1);
    }

    @Test
    void helpToOneselfNoTimeOrAnotherPersonsStepIsRefusedAndStoresNothing() {
        assertThat(answer(api.post(helper, "/help", ninetyMinutes().replace(receiver.value(), helper.value()))))
                .isEqualTo("422 self-help");
        assertThat(answer(api.post(helper, "/help", ninetyMinutes().replace("90", "0")))).isEqualTo("422 hours-not-positive");
        assertThat(stored()).isZero();

        api.post(helper, "/help", ninetyMinutes());
        long before = stored();
        assertThat(answer(api.post(helper, "/help/" + helpId + "/confirmation", "{\"commandId\":\"self\"}")))
                .isEqualTo("403 actor-not-allowed");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void badInputIsA400AndStoresNothing() {
        assertThat(answer(api.post(helper, "/help", ninetyMinutes().replace("\"kind\"", "\"helper\":\"" + receiver + "\",\"kind\""))))
                .isEqualTo("400 bad-request");
        assertThat(answer(api.post(helper, "/help", ninetyMinutes().replace("\"kind\"", "\"note\":\"ziek\",\"kind\""))))
                .isEqualTo("400 bad-request");
        assertThat(answer(api.post(helper, "/help", ninetyMinutes().replace("90", "1441")))).isEqualTo("400 bad-request");
        assertThat(answer(api.post(helper, "/help", ninetyMinutes().replace("90", "90.5")))).isEqualTo("400 bad-request");
        assertThat(answer(api.post(helper, "/help", ninetyMinutes().replace("90", "\"90\"")))).isEqualTo("400 bad-request");
        assertThat(answer(api.post(helper, "/help", ninetyMinutes().replace("COMPANY", "MASSAGE")))).isEqualTo("400 bad-request");
        assertThat(stored()).isZero();
        assertThat(answer(api.post(receiver, "/help/" + helpId + "/confirmation", "{\"commandId\":\"ok\"}")))
                .isEqualTo("404 not-found");
    }
}
