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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11: a member who left. A coordinator records it over HTTP; from then on nobody names them
 * in a new record and they start none, while the advance still open between them and a neighbour
 * stays visible to both and is paid back as before.
 */
@LedgerTest
class DepartureHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMemberWhoLeftIsNamedInNothingNewButSettlesWhatIsOpen() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "departure");
        Api api = new Api(http, wijk.id);
        MemberId amina = wijk.member("amina");
        MemberId bram = wijk.member("bram");
        String open = Neighbours.unique("adv");
        assertThat(Api.answer(api.post(amina, "/advances", advance(open, bram)))).isEqualTo("201");

        long before = StoredEvents.onceQuiet(jdbc);
        assertThat(Api.answer(api.post(amina, "/members/" + bram + "/departure", step()))).as("a neighbour records no departure")
                .isEqualTo("403 forbidden");
        assertThat(StoredEvents.count(jdbc)).isEqualTo(before);
        assertThat(Api.answer(api.post(wijk.coordinator, "/members/" + bram + "/departure", step()))).isEqualTo("200");

        // Named in no new record, starting none ...
        long after = StoredEvents.onceQuiet(jdbc);
        assertThat(Api.answer(api.post(amina, "/advances", advance(Neighbours.unique("adv"), bram)))).isEqualTo("422 unknown-member");
        assertThat(Api.answer(api.post(bram, "/advances", advance(Neighbours.unique("adv"), amina)))).isEqualTo("422 unknown-member");
        assertThat(Api.answer(api.post(amina, "/help", """
                {"helpId":"%s","receiver":"%s","hours":{"minutes":30},"kind":"COMPANY"}""".formatted(Neighbours.unique("help"), bram))))
                .isEqualTo("422 unknown-member");
        assertThat(StoredEvents.count(jdbc)).as("nothing stored for someone who left").isEqualTo(after);
        // ... and a second departure is refused: only a current member can leave.
        assertThat(Api.answer(api.post(wijk.coordinator, "/members/" + bram + "/departure", step()))).isEqualTo("422 unknown-member");

        // What was open stays: both still see the advance, and Bram pays it back.
        assertThat(Api.answer(api.get(amina, "/advances/" + open))).isEqualTo("200");
        assertThat(Api.answer(api.get(bram, "/advances/" + open))).isEqualTo("200");
        assertThat(Api.answer(api.post(bram, "/advances/" + open + "/reimbursements", """
                {"commandId":"%s","amount":{"amount":"12.00","currency":"EUR"}}""".formatted(Neighbours.unique("pay")))))
                .isEqualTo("201");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            ResponseEntity<JsonNode> member = api.get(wijk.coordinator, "/members/" + bram);
            assertThat(member.getStatusCode().value()).isEqualTo(200);
            assertThat(member.getBody().path("deregisteredOn").asText()).as(member.getBody().toString()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
    }

    private static String advance(String id, MemberId borrower) {
        return """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"12.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(id, borrower);
    }

    private static String step() {
        return "{\"commandId\":\"" + Neighbours.unique("left") + "\"}";
    }
}
