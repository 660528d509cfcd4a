package nl.wederkerig.api.endpoints;

import nl.wederkerig.api.logins.LoginStore;

import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.StoredEvents;
import nl.wederkerig.api.support.Neighbours;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint × every role × own or someone else's resource. Each row of {@link MatrixRows}
 * names the actors who may use the endpoint on the row's resources; every other actor must be
 * refused (401 without credentials, 403 or 404 with them) and must leave the event store as it
 * was. An unexpected allow fails, and so does an endpoint that has no row.
 *
 * <p>The cast lives in a community of its own: a coordinator; Amina (whose affairs the rows are
 * about, and who shares her trust history with Bram); Bram, her counterparty; Cees, a neighbour
 * with no part in them; Tessa, treasurer of the row's initiative, and Tomas of another; Rita,
 * representative of the row's partner, and Quinn of another; Olaf, from another community; and
 * someone who is not logged in.
 */
@LedgerTest
class AuthorizationMatrixTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    LoginStore accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointAllowsExactlyItsOwnActors() {
        Cast cast = Cast.create(commands, accounts, jdbc, "matrix", http);
        List<MatrixRows.Row> rows = MatrixRows.all();
        List<Map<String, String>> resources = new ArrayList<>();
        for (MatrixRows.Row row : rows) {
            resources.add(row.setup().prepare(cast));
        }
        long events = StoredEvents.onceQuiet(jdbc);

        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            MatrixRows.Row row = rows.get(i);
            for (Actor actor : EnumSet.complementOf(EnumSet.copyOf(row.allowed()))) {
                ResponseEntity<String> answer = send(cast, row, resources.get(i), actor);
                int status = answer.getStatusCode().value();
                boolean refused = actor == Actor.ANONYMOUS ? status == 401 : status == 403 || status == 404;
                if (!refused) {
                    unexpected.add(row.name() + " as " + actor + ": " + status + " " + shortened(answer.getBody()));
                }
                long now = StoredEvents.count(jdbc);
                if (now != events) {
                    unexpected.add(row.name() + " as " + actor + ": stored " + (now - events) + " event(s)");
                    events = now;
                }
            }
        }
        assertThat(unexpected).as("refusals that were not refused").isEmpty();

        List<String> refusedWrongly = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            MatrixRows.Row row = rows.get(i);
            Map<String, String> vars = resources.get(i);
            for (Actor actor : row.allowed()) {
                if (row.method() == HttpMethod.GET) {
                    // Read models follow the events within moments.
                    try {
                        await().atMost(Duration.ofSeconds(10)).until(() -> send(cast, row, vars, actor).getStatusCode().is2xxSuccessful());
                    } catch (org.awaitility.core.ConditionTimeoutException stillRefused) {
                        refusedWrongly.add(row.name() + " as " + actor + ": " + send(cast, row, vars, actor).getStatusCode());
                    }
                } else {
                    // Some steps are taken once per resource (a reversal): each further allowed actor gets resources of its own.
                    Map<String, String> own = actor == row.allowed().iterator().next() ? vars : row.setup().prepare(cast);
                    ResponseEntity<String> answer = send(cast, row, own, actor);
                    if (!answer.getStatusCode().is2xxSuccessful()) {
                        refusedWrongly.add(row.name() + " as " + actor + ": " + answer.getStatusCode() + " " + shortened(answer.getBody()));
                    }
                }
            }
        }
        assertThat(refusedWrongly).as("allowed actors that were refused").isEmpty();
    }

    @Test
    void everyApiEndpointHasARow() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(method -> endpoints.add(method + " " + pattern));
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        MatrixRows.all().forEach(row -> covered.add(row.method() + " " + row.template()));
        covered.addAll(MatrixRows.OPEN);

        assertThat(covered).as("endpoints of the matrix").containsExactlyInAnyOrderElementsOf(endpoints);
    }

    private ResponseEntity<String> send(Cast cast, MatrixRows.Row row, Map<String, String> vars, Actor actor) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(row.contentType()));
        String body = row.body() == null ? null : row.body().json(cast, actor, vars);
        TestRestTemplate as = actor == Actor.ANONYMOUS ? http : http.withBasicAuth(cast.login(actor), Neighbours.PASSWORD);
        return as.exchange(cast.expand(row.template() + row.query(), vars), row.method(), new HttpEntity<>(body, headers),
                String.class);
    }

    private static String shortened(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }


    /** Who sends the request, relative to the row's resources. */
    enum Actor {
        COORDINATOR,
        /** Amina: the neighbour whose affairs the rows are about (the lender of the row's advance). */
        NEIGHBOUR,
        /** Bram: the other party of Amina's advance, with whom she shares her trust history. */
        COUNTERPARTY,
        /** Cees: a neighbour with no part in the row's resources. */
        OTHER_NEIGHBOUR,
        /** Tessa: treasurer of the row's initiative. */
        TREASURER,
        /** Tomas: treasurer of another initiative. */
        OTHER_TREASURER,
        /** Rita: representative of the row's partner. */
        PARTNER,
        /** Quinn: representative of another partner. */
        OTHER_PARTNER,
        /** Kees: the kascommissie (auditor) of the row's initiative: reads its books, changes nothing. */
        AUDITOR,
        /** Olaf: a member of another community. */
        OUTSIDER,
        ANONYMOUS;

        static final Set<Actor> MEMBERS = EnumSet.of(COORDINATOR, NEIGHBOUR, COUNTERPARTY, OTHER_NEIGHBOUR, TREASURER,
                OTHER_TREASURER, PARTNER, OTHER_PARTNER, AUDITOR);
    }
}
