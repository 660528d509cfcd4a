package nl.wederkerig.api.journal;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static nl.wederkerig.api.support.Api.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One initiative's journal for its kascommissie: only the postings on that initiative's own
 * accounts, never another initiative's; the kascommissie of one initiative reads nothing of another.
 */
@LedgerTest
class InitiativeJournalHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theKascommissieReadsItsOwnInitiativesPostingsOnly() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "books");
        Api api = new Api(http, wijk.id);
        MemberId treasurer = wijk.member("tessa");
        MemberId auditor = wijk.member("kees");
        InitiativeId meals = wijk.initiative("eettafel");
        InitiativeId other = wijk.initiative("buurthulp");
        wijk.treasurer(treasurer, meals);
        wijk.treasurer(treasurer, other);
        wijk.role(auditor, Role.auditorOf(meals));
        for (InitiativeId initiative : new InitiativeId[] {meals, other}) {
            assertThat(answer(api.post(treasurer, "/initiatives/" + initiative + "/contributions", """
                    {"commandId":"%s","amount":{"amount":"25.00","currency":"EUR"},"source":"DONATION","channel":"BANK"}"""
                    .formatted(Neighbours.unique("gift"))))).isEqualTo("200");
        }

        String journal = "/initiatives/" + meals + "/journal";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get(auditor, journal).getBody().findValuesAsText("account")).hasSize(2));
        JsonNode postings = api.get(auditor, journal).getBody();
        assertThat(postings.findValuesAsText("account"))
                .containsExactlyInAnyOrder("assets:initiative:" + meals + ":bank", "income:initiative:" + meals + ":donation");
        assertThat(postings.findValuesAsText("quantity")).containsExactlyInAnyOrder("2500", "-2500");
        assertThat(postings.toString()).doesNotContain(other.value());

        // Another initiative's books are not the kascommissie's, nor an outsider's.
        String refused = answer(api.get(auditor, "/initiatives/" + other + "/journal"));
        assertThat(refused).isIn("403 forbidden", "404 not-found");
        assertThat(answer(api.get(wijk.member("nina"), journal))).isEqualTo(refused);
        assertThat(answer(api.get(auditor, "/initiatives/" + meals + "/bank-matches"))).isEqualTo("200");
    }
}
