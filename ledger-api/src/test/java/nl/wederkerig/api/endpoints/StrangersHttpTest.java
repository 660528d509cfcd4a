package nl.wederkerig.api.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.StoredEvents;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.COUNTERPARTY;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.NEIGHBOUR;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.OUTSIDER;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.TREASURER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "strangers in the book", over HTTP: a record naming someone who is not a member of the
 * community (never registered, or a member of another community), or a partner that does not
 * exist, is refused with a typed {@code unknown-member} / {@code unknown-partner} problem and
 * nothing is stored (the tester's {@code "borrower":"nobody"} was a 201).
 */
@LedgerTest
class StrangersHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    LoginStore accounts;

    @Test
    void aRecordNamingSomeoneWhoIsNoMemberOrAPartnerThatDoesNotExistIsRefusedAndStoresNothing() {
        Cast cast = Cast.create(commands, accounts, jdbc, "strangers");
        Api api = new Api(http, cast.community());
        String amina = cast.member(NEIGHBOUR).value();
        String bram = cast.member(COUNTERPARTY).value();
        // A login of this community that the domain never registered, and a member of another community.
        String withoutRegistration = Neighbours.register(accounts, cast.community(), "ghost").value();
        String elsewhere = cast.member(OUTSIDER).value();
        for (String stranger : new String[] {"nobody", withoutRegistration, elsewhere}) {
            Map<String, ResponseEntity<JsonNode>> answers = new LinkedHashMap<>();
            long before = StoredEvents.onceQuiet(jdbc);
            answers.put("advance to " + stranger, api.post(cast.member(NEIGHBOUR), "/advances", """
                    {"advanceId":"%s","borrower":"%s","amount":{"amount":"1.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                    .formatted(Neighbours.unique("adv"), stranger)));
            answers.put("errand run by " + stranger, api.post(cast.member(NEIGHBOUR), "/errands", """
                    {"errandId":"%s","asker":"%s","helper":"%s","entrusted":{"amount":"5.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                    .formatted(Neighbours.unique("errand"), amina, stranger)));
            answers.put("help given to " + stranger, api.post(cast.member(COUNTERPARTY), "/help", """
                    {"helpId":"%s","receiver":"%s","hours":{"minutes":60},"kind":"COMPANY"}"""
                    .formatted(Neighbours.unique("help"), stranger)));

            assertThat(answers).allSatisfy((what, answer) ->
                    assertThat(Api.answer(answer)).as(what).isEqualTo("422 unknown-member"));
            assertThat(StoredEvents.count(jdbc)).as("nothing stored for " + stranger).isEqualTo(before);
            assertThat(bram).isNotEqualTo(stranger);
        }

        long before = StoredEvents.onceQuiet(jdbc);
        ResponseEntity<JsonNode> ghostPartner = api.post(cast.member(TREASURER), "/initiatives/" + cast.initiative() + "/contributions", """
                {"commandId":"%s","amount":{"amount":"10.00","currency":"EUR"},"source":"PARTNER","partnerId":"%s","channel":"BANK"}"""
                .formatted(Neighbours.unique("gift"), Neighbours.unique("ghost-partner")));
        assertThat(Api.answer(ghostPartner)).isEqualTo("422 unknown-partner");
        assertThat(StoredEvents.count(jdbc)).as("nothing stored for a partner that does not exist").isEqualTo(before);
    }
}
