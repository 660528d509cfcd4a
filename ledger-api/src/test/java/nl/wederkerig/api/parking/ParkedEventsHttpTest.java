package nl.wederkerig.api.parking;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.balances.AdvanceBalances;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Parked events over HTTP: only the wijk's coordinator sees and retries its own, and gets problems otherwise. */
@LedgerTest
class ParkedEventsHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;
    @Autowired
    LoginStore accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AdvanceBalances balances;
    @Autowired
    EventProcessingConfiguration processing;

    OwnCommunity wijk;
    MemberId neighbour;
    Poison poison;
    Api api;

    @BeforeEach
    void oneParkedReimbursement() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "parked");
        neighbour = wijk.member("amina");
        poison = Poison.parkedIn(wijk, neighbour, wijk.member("bram"), commands, balances, processing, jdbc);
        api = new Api(http, wijk.id);
    }

    @AfterEach
    void nothingLeftParked() {
        poison.resolve(processing);
    }

    @Test
    void aNeighbourIsRefusedAndAnotherWijksCoordinatorSeesNothingOfOurs() {
        assertThat(Api.answer(api.get(neighbour, "/parked-events"))).isEqualTo("403 forbidden");
        assertThat(Api.answer(api.post(neighbour, "/parked-events/retry", ""))).isEqualTo("403 forbidden");

        OwnCommunity other = OwnCommunity.found(commands, accounts, jdbc, "other");
        assertThat(Api.answer(api.get(other.coordinator, "/parked-events"))).isEqualTo("403 forbidden");
        JsonNode theirs = new Api(http, other.id).get(other.coordinator, "/parked-events").getBody();
        assertThat(theirs.path("parkedEvents").asLong()).as(theirs.toString()).isZero();
        assertThat(theirs.path("sequences")).isEmpty();
    }

    @Test
    void anUnknownReadModelOrSequenceIsNotFoundAndASequenceNeedsItsReadModel() {
        assertThat(Api.answer(api.post(wijk.coordinator, "/parked-events/retry?processor=nonsense", ""))).isEqualTo("404 not-found");
        assertThat(Api.answer(api.post(wijk.coordinator, "/parked-events/retry?processor=balances&sequence=adv-nobody", "")))
                .isEqualTo("404 not-found");
        assertThat(Api.answer(api.post(wijk.coordinator, "/parked-events/retry?sequence=" + poison.advance.value(), "")))
                .isEqualTo("400 bad-request");
        assertThat(api.get(wijk.coordinator, "/parked-events").getBody().path("parkedEvents").asLong()).isEqualTo(1);
    }

    @Test
    void theCoordinatorSeesTheReasonRetriesAfterTheFixAndThePageSaysSoInDutchAndEnglish() {
        String dutch = page("nl");
        String english = page("en");
        assertThat(dutch).contains("<html lang=\"nl\"", "Wat wacht er op een oplossing?", poison.advance.value(),
                "AdvanceReimbursed", "out of step at advance " + poison.advance.value(), "Alles opnieuw proberen");
        assertThat(english).contains("<html lang=\"en\"", "What is waiting for a fix?", "Try everything again");
        assertThat(List.of(dutch, english)).allSatisfy(html -> assertThat(html).doesNotContain("<script"));

        poison.fix();
        ResponseEntity<JsonNode> retried = api.post(wijk.coordinator,
                "/parked-events/retry?processor=balances&sequence=" + poison.advance.value(), "");

        assertThat(retried.getStatusCode().value()).isEqualTo(200);
        assertThat(retried.getBody().path("sequencesApplied").asInt()).isEqualTo(1);
        assertThat(retried.getBody().path("parkedEventsLeft").asLong()).isZero();
        assertThat(page("nl")).contains("Er wacht niets");
    }

    private String page(String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        ResponseEntity<String> answer = http.withBasicAuth(wijk.coordinator.value(), Neighbours.PASSWORD)
                .exchange("/coordinator/parked-events", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }
}
