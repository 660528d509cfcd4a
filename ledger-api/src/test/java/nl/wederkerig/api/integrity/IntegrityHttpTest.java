package nl.wederkerig.api.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.eventstore.Checkpoint;
import nl.wederkerig.api.platform.eventstore.Checkpoints;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.StoredEvents;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

/** The verifier over HTTP and as the coordinator's page. */
@LedgerTest
class IntegrityHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;
    @Autowired
    LoginStore accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Checkpoints checkpoints;

    OwnCommunity wijk;
    MemberId coordinator;
    Api api;

    @BeforeEach
    void setUp() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "integrity");
        coordinator = wijk.coordinator;
        api = new Api(http, wijk.id);
    }

    @Test
    void aCoordinatorSeesTheVerdictAndTheHeadToNoteDown() {
        StoredEvents.onceQuiet(jdbc);
        Checkpoint latest = checkpoints.make(checkpoints.highestIndex()).or(() -> checkpoints.latest()).orElseThrow();

        ResponseEntity<JsonNode> answer = api.get(coordinator, "/integrity?noted=" + latest.headHash().substring(0, 20));

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        JsonNode report = answer.getBody();
        assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("eventsChecked").asLong()).isGreaterThanOrEqualTo(latest.eventCount());
        assertThat(report.path("latestCheckpoint").path("headHash").asText()).isEqualTo(latest.headHash());
        assertThat(report.path("latestCheckpoint").path("headHashGrouped").asText()).isEqualTo(latest.groupedHead());
        assertThat(report.path("notedNotFound")).isEmpty();
    }

    @Test
    void aHeadThatWasNeverTheBooksIsReported() {
        ResponseEntity<JsonNode> answer = api.get(coordinator, "/integrity?noted=0123 4567 89ab cdef 0123");

        assertThat(answer.getBody().path("intact").asBoolean()).isFalse();
        assertThat(answer.getBody().path("notedNotFound").get(0).asText()).isEqualTo("0123 4567 89ab cdef 0123");
    }

    @Test
    void somethingThatIsNoHeadHashIsBadInput() {
        assertThat(Api.answer(api.get(coordinator, "/integrity?noted=not-a-hash"))).isEqualTo("400 bad-request");
    }

    @Test
    void aNeighbourIsRefused() {
        MemberId neighbour = wijk.member("amina");
        assertThat(Api.answer(api.get(neighbour, "/integrity"))).isEqualTo("403 forbidden");
    }

    @Test
    void theCoordinatorsPageShowsTheVerdictInDutchAndInEnglish() {
        StoredEvents.onceQuiet(jdbc);
        Checkpoint latest = checkpoints.make(checkpoints.highestIndex()).or(() -> checkpoints.latest()).orElseThrow();

        String dutch = page("/integrity?noted=" + latest.groupedHead().replace(' ', '+'), "nl");
        String english = page("/integrity", "en");

        assertThat(dutch).contains("<html lang=\"nl\"", "Is het boek nog zoals het geschreven is?", "Alles klopt",
                latest.groupedHead(), "Deze code hoort bij het boek");
        assertThat(english).contains("<html lang=\"en\"", "Is the book still as it was written?", "Everything checks out",
                latest.groupedHead());
        assertThat(List.of(dutch, english)).allSatisfy(html -> assertThat(html).doesNotContain("<script"));
    }

    private String page(String path, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        ResponseEntity<String> answer = http.withBasicAuth(coordinator.value(), Neighbours.PASSWORD)
                .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer.getBody();
    }
}
