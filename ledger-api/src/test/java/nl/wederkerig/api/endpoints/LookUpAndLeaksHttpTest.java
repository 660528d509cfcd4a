package nl.wederkerig.api.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Locations;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.StoredEvents;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.COORDINATOR;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.COUNTERPARTY;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.NEIGHBOUR;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.OTHER_NEIGHBOUR;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.PARTNER;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.TREASURER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals reveal nothing about records the asker may not see. For every endpoint of the
 * authorization matrix, every id in its path is asked about twice by everyone who may not know the
 * record: once for the row's real record (someone else's advance, errand, help, claim, member …),
 * once for an id nobody ever used. Both answers must be the same: the same status and the same
 * problem, in Dutch and in English (the {@code instance}, which is the path asked, aside).
 */
@LedgerTest
class LookUpAndLeaksHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Who may know that a record with such an id exists, beyond the row's own allowed actors: its
     * parties (the cast's advances, errands and help are between Amina and Bram), a claim's
     * claimant (Cees), its initiative's treasurer and the coordinators; a coordinator knows the
     * members, initiatives and partners of the wijk, a treasurer and a representative their own.
     */
    private static final Map<String, Set<Actor>> MAY_KNOW = Map.of(
            "advanceId", EnumSet.of(NEIGHBOUR, COUNTERPARTY),
            "reimbursementId", EnumSet.of(NEIGHBOUR, COUNTERPARTY),
            "errandId", EnumSet.of(NEIGHBOUR, COUNTERPARTY),
            "helpId", EnumSet.of(NEIGHBOUR, COUNTERPARTY),
            "claimId", EnumSet.of(OTHER_NEIGHBOUR, TREASURER, COORDINATOR),
            "initiativeId", EnumSet.of(TREASURER, COORDINATOR),
            "entryId", EnumSet.of(TREASURER, COORDINATOR),
            "partnerId", EnumSet.of(PARTNER, COORDINATOR));

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    LoginStore accounts;

    @Test
    void someoneElsesRecordAnswersExactlyAsAnIdNobodyUsed() {
        Cast cast = Cast.create(commands, accounts, jdbc, "leaks", http);
        List<String> told = new ArrayList<>();
        int compared = 0;
        int notFound = 0;
        for (MatrixRows.Row row : MatrixRows.all()) {
            Map<String, String> vars = row.setup().prepare(cast);
            for (String name : vars.keySet()) {
                Map<String, String> unknown = new HashMap<>(vars);
                unknown.put(name, Neighbours.unique("unknown"));
                for (Actor actor : mayNotKnow(row, name)) {
                    for (String language : List.of("nl", "en")) {
                        ResponseEntity<String> real = send(cast, row, vars, actor, language);
                        ResponseEntity<String> none = send(cast, row, unknown, actor, language);
                        compared++;
                        if (real.getStatusCode().value() == 404) {
                            notFound++;
                        }
                        String difference = difference(real, none, vars.get(name), unknown.get(name));
                        if (difference != null) {
                            told.add(row.name() + " {" + name + "} as " + actor + " (" + language + "): " + difference);
                        }
                    }
                }
            }
        }
        assertThat(told).as("answers that tell a real record from an unknown id").isEmpty();
        assertThat(compared).as("pairs of answers compared").isGreaterThan(300);
        assertThat(notFound).as("records of others answered with 404").isGreaterThan(50);
    }

    @Test
    void anOutsiderActingOnSomeoneElsesAdvanceGetsTheUnknownIdsAnswerAndStoresNothing() {
        Cast cast = Cast.create(commands, accounts, jdbc, "leaks", http);
        String advance = MatrixRows.reimbursedAdvance(cast).get("advanceId");
        long before = StoredEvents.onceQuiet(jdbc);
        String path = "/api/v1/communities/" + cast.community() + "/advances/" + advance + "/acknowledgement";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        ResponseEntity<String> answer = http.withBasicAuth(cast.login(OTHER_NEIGHBOUR), Neighbours.PASSWORD).postForEntity(path,
                new HttpEntity<>("{\"commandId\":\"" + Neighbours.unique("ack") + "\"}", headers), String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        // Apart from the path asked (instance), the answer names neither the parties nor the advance.
        assertThat(comparable(answer.getBody(), "\u0000")).contains("\"code\":\"not-found\"")
                .doesNotContain(cast.login(NEIGHBOUR)).doesNotContain(cast.login(COUNTERPARTY)).doesNotContain(advance);
        assertThat(StoredEvents.count(jdbc)).as("nothing stored").isEqualTo(before);
    }

    @Test
    void everyCreationsLocationIsFollowedForTheAskerByEveryHttpTest() {
        Cast cast = Cast.create(commands, accounts, jdbc, "leaks", http);
        int before = Locations.followed();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String errand = ("{\"errandId\":\"%s\",\"asker\":\"%s\",\"helper\":\"%s\","
                + "\"entrusted\":{\"amount\":\"50.00\",\"currency\":\"EUR\"},\"purpose\":\"GROCERIES\"}")
                .formatted(Neighbours.unique("errand"), cast.member(NEIGHBOUR), cast.member(COUNTERPARTY));
        ResponseEntity<String> started = http.withBasicAuth(cast.login(NEIGHBOUR), Neighbours.PASSWORD).postForEntity(
                "/api/v1/communities/" + cast.community() + "/errands", new HttpEntity<>(errand, headers), String.class);

        assertThat(started.getStatusCode().value()).isEqualTo(201);
        assertThat(Locations.followed()).as("the errand's Location was followed and answered 200").isEqualTo(before + 1);
    }

    /** Everyone but the row's allowed actors and those who may know such a record anyway. */
    private static Set<Actor> mayNotKnow(MatrixRows.Row row, String name) {
        Set<Actor> knowing = EnumSet.noneOf(Actor.class);
        knowing.addAll(row.allowed());
        knowing.addAll(MAY_KNOW.getOrDefault(name, EnumSet.of(COORDINATOR)));
        return EnumSet.complementOf(EnumSet.copyOf(knowing));
    }

    /** Null when both answers are the same apart from the path asked and the id itself; else what differs. */
    /** Ids shorter than this are not taken out of an answer as an echo: they occur inside other values. */
    private static final int MIN_ECHOED_ID_CHARS = 4;

    private static String difference(ResponseEntity<String> real, ResponseEntity<String> none, String realId, String unknownId) {
        if (real.getStatusCode().value() != none.getStatusCode().value()) {
            return real.getStatusCode().value() + " for the record, " + none.getStatusCode().value() + " for an unknown id: "
                    + real.getBody();
        }
        String realBody = comparable(real.getBody(), realId);
        String noneBody = comparable(none.getBody(), unknownId);
        return realBody.equals(noneBody) ? null : realBody + " versus " + noneBody;
    }

    private static String comparable(String body, String id) {
        if (body == null || body.isBlank()) {
            return "";
        }
        if (id.length() < MIN_ECHOED_ID_CHARS) {
            // A short id (a receipt's number "1") also occurs in numbers that are no echo of it (status 401).
            return comparable(body, "\u0000no id to echo\u0000");
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json instanceof ObjectNode problem) {
                problem.remove("instance");
            }
            // An answer may echo the id that was asked (it tells nothing the asker did not know).
            return json.toString().replace(id, "{id}");
        } catch (Exception notJson) {
            return body.replace(id, "{id}");
        }
    }

    private ResponseEntity<String> send(Cast cast, MatrixRows.Row row, Map<String, String> vars, Actor actor, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(row.contentType()));
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        String body = row.body() == null ? null : row.body().json(cast, actor, vars);
        TestRestTemplate as = actor == Actor.ANONYMOUS ? http : http.withBasicAuth(cast.login(actor), Neighbours.PASSWORD);
        return as.exchange(cast.expand(row.template() + row.query(), vars), row.method(), new HttpEntity<>(body, headers),
                String.class);
    }
}
