package nl.wederkerig.api.reciprocity;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reaches a partner's pages: its own representatives and the coordinators of its wijk see the
 * statement; only those coordinators see and record entries one by one. A representative of
 * another partner, a neighbour, and the coordinator of another wijk get nothing, store nothing.
 */
@LedgerTest
class PartnerPagesAuthorizationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    ResponseEntity<String> get(MemberId as, String path) {
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).getForEntity(path, String.class);
    }

    ResponseEntity<String> postHours(MemberId as, Wijk wijk) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("form", "hours");
        form.add("commandId", Neighbours.unique("hours"));
        form.add("hoursInitiative", wijk.meals().value());
        form.add("hours", "2");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).postForEntity(
                "/coordinator/partners/" + wijk.partner() + "/entries/hours", new HttpEntity<>(form, headers), String.class);
    }

    @Test
    void onlyTheirOwnRepresentativesAndTheWijksCoordinatorsSeeAPartner() {
        Wijk wijk = Wijk.withEntries(commands, accounts, jdbc);
        Wijk elsewhere = Wijk.withEntries(commands, accounts, jdbc);
        String statement = "/partners/" + wijk.partner();
        String entries = "/coordinator/partners/" + wijk.partner() + "/entries";

        assertThat(get(wijk.representative(), statement).getStatusCode().value()).isEqualTo(200);
        assertThat(get(wijk.community().coordinator, statement).getBody()).contains("20,00");
        assertThat(get(wijk.community().coordinator, entries).getBody()).contains("h-help");
        assertThat(get(wijk.representative(), entries).getStatusCode().value()).isIn(403, 404);

        long events = wijk.community().events(wijk.partner().value());
        for (MemberId stranger : List.of(wijk.neighbour(), elsewhere.representative(), elsewhere.community().coordinator)) {
            for (String path : List.of(statement, statement + "/statement.pdf", entries)) {
                ResponseEntity<String> answer = get(stranger, path);
                assertThat(answer.getStatusCode().value()).as(stranger + " " + path).isIn(403, 404);
                assertThat(String.valueOf(answer.getBody())).as(stranger + " " + path).doesNotContain("20,00");
            }
            assertThat(postHours(stranger, wijk).getStatusCode().value()).as(stranger + " records").isIn(403, 404);
        }
        assertThat(wijk.community().events(wijk.partner().value())).isEqualTo(events);
    }
}
