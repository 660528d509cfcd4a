package nl.wederkerig.api.endpoints;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.StoredEvents;
import nl.wederkerig.api.support.Neighbours;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every command endpoint of the API, sent what a careless or hostile client sends: malformed JSON,
 * fields that would set the actor or a status (mass assignment), an oversize body, injection
 * strings and unicode tricks in every text field, negative, overlong and foreign amounts, and
 * unknown ids in the path. Each is a 4xx problem without internals, and the event store does not
 * change. The requests come from an actor who may use the endpoint with a valid body
 * ({@link MatrixRows}), so only the bad part can be what is refused.
 */
@LedgerTest
class BadInputTest {

    static final List<String> HOSTILE = List.of("x'); DROP TABLE domain_event_entry;--", "<script>alert(1)</script>",
            "Bräm", "b\u0000ram", "bram\u202e", "a".repeat(65), "");
    /** Text fields where any text of the right length is valid: a password is only ever hashed, never shown or stored. */
    static final Set<String> ANY_TEXT = Set.of("currentPassword", "newPassword");
    /**
     * Free text about a claim (a question, an answer): any letters, quotes or markup are plain text,
     * sealed and shown escaped; hidden characters, nothing at all, or too much are not.
     */
    static final Set<String> FREE_TEXT = Set.of("question", "answer");
    static final List<String> HOSTILE_FREE_TEXT = List.of("b\u0000ram", "bram\u202e", "", " ", "a".repeat(501));
    /** Amount fields where zero is a valid answer: a helper who bought nothing reports spending 0.00. */
    static final Set<String> ZERO_ALLOWED = Set.of("spent");
    static final java.time.LocalDate TODAY = java.time.LocalDate.now(nl.wederkerig.api.platform.time.LedgerTime.ZONE);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    LoginStore accounts;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyCommandEndpointRefusesBadInputAndStoresNothing() throws Exception {
        Cast cast = Cast.create(commands, accounts, jdbc, "bad-input");
        // Rows nobody in the cast may use (founding a community) are tried with bad input in SetupHttpTest.
        List<MatrixRows.Row> posts = MatrixRows.all().stream()
                .filter(row -> row.method() == HttpMethod.POST && !row.allowed().isEmpty())
                // A statement file is no JSON: hostile files have their own tests (ReconciliationHttpTest).
                .filter(row -> row.contentType().equals(MatrixRows.JSON)).toList();
        List<Map<String, String>> resources = new ArrayList<>();
        for (MatrixRows.Row row : posts) {
            resources.add(row.setup().prepare(cast));
        }
        long events = StoredEvents.onceQuiet(jdbc);

        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            MatrixRows.Row row = posts.get(i);
            Map<String, String> vars = resources.get(i);
            Actor actor = row.allowed().iterator().next();
            for (Map.Entry<String, Bad> bad : badRequests(cast, row, vars, actor).entrySet()) {
                ResponseEntity<String> answer = post(cast.login(actor), bad.getValue().path(), bad.getValue().body());
                int status = answer.getStatusCode().value();
                String body = answer.getBody() == null ? "" : answer.getBody();
                if (status < 400 || status >= 500 || body.contains("Exception") || body.contains("nl.wederkerig")
                        || body.contains("<script>")) {
                    accepted.add(row.name() + " " + bad.getKey() + ": " + status + " " + body);
                }
                long now = StoredEvents.count(jdbc);
                if (now != events) {
                    accepted.add(row.name() + " " + bad.getKey() + ": stored " + (now - events) + " event(s)");
                    events = now;
                }
            }
        }
        assertThat(accepted).as("bad input that was not refused cleanly").isEmpty();
    }

    record Bad(String path, String body) {
    }

    private static void unknownPathValues(Cast cast, MatrixRows.Row row, Map<String, String> vars, String body,
                                          Map<String, Bad> bad) {
        for (Map.Entry<String, String> var : vars.entrySet()) {
            if (row.template().contains("{" + var.getKey() + "}")) {
                Map<String, String> unknown = new LinkedHashMap<>(vars);
                unknown.put(var.getKey(), Neighbours.unique("unknown"));
                bad.put("unknown " + var.getKey(), new Bad(cast.expand(row.template(), unknown), body));
            }
        }
    }

    /** Named bad variants of one valid request. */
    private Map<String, Bad> badRequests(Cast cast, MatrixRows.Row row, Map<String, String> vars, Actor actor) throws Exception {
        String path = cast.expand(row.template(), vars);
        String valid = row.body().json(cast, actor, vars);
        Map<String, Bad> bad = new LinkedHashMap<>();
        if (valid == null) {
            // A request without a body: only its path can be wrong.
            unknownPathValues(cast, row, vars, null, bad);
            return bad;
        }
        bad.put("malformed", new Bad(path, valid.substring(0, valid.length() - 1)));
        bad.put("not an object", new Bad(path, "[" + valid + "]"));
        bad.put("actor in the body", new Bad(path, withField(valid, "actor", cast.member(Actor.OTHER_NEIGHBOUR).value())));
        bad.put("status in the body", new Bad(path, withField(valid, "status", "SETTLED")));
        bad.put("oversize", new Bad(path, withField(valid, "padding", "x".repeat(70_000))));
        // Strict reading: exactly one document, each key once, the documented types and ISO dates.
        bad.put("garbage after the body", new Bad(path, row.body().json(cast, actor, vars) + " xyz"));
        bad.put("two documents", new Bad(path, row.body().json(cast, actor, vars) + row.body().json(cast, actor, vars)));
        bad.put("a date-time as business date", new Bad(path, withField(row.body().json(cast, actor, vars), "businessDate",
                TODAY.atTime(10, 0) + ":00")));
        bad.put("an instant as business date", new Bad(path, withField(row.body().json(cast, actor, vars), "businessDate",
                TODAY.atTime(10, 0) + ":00Z")));
        bad.put("a Dutch date as business date", new Bad(path, withField(row.body().json(cast, actor, vars), "businessDate",
                TODAY.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")))));
        ObjectNode template = (ObjectNode) json.readTree(row.body().json(cast, actor, vars));
        String firstField = template.fieldNames().next();
        String fresh = row.body().json(cast, actor, vars);
        bad.put("a key twice", new Bad(path, "{\"" + firstField + "\":" + json.writeValueAsString(template.get(firstField))
                + "," + fresh.substring(1)));
        for (Iterator<String> names = template.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            JsonNode value = template.get(field);
            if (value.isTextual() && !ANY_TEXT.contains(field)) {
                for (String hostile : FREE_TEXT.contains(field) ? HOSTILE_FREE_TEXT : HOSTILE) {
                    bad.put(field + " = " + printable(hostile), new Bad(path, replaced(cast, row, actor, vars, field, hostile)));
                }
            }
            if (value.isTextual()) {
                bad.put(field + " as a number", new Bad(path, replacedNode(cast, row, actor, vars, field,
                        json.getNodeFactory().numberNode(123))));
            }
            if (value.isIntegralNumber()) {
                bad.put(field + " as a string", new Bad(path, replacedNode(cast, row, actor, vars, field,
                        json.getNodeFactory().textNode(value.asText()))));
                bad.put(field + " with a fraction", new Bad(path, replacedNode(cast, row, actor, vars, field,
                        json.getNodeFactory().numberNode(value.asLong() + 0.5))));
            }
            if (value.isObject() && value.has("minutes")) {
                bad.put(field + " minutes as a string", new Bad(path, replacedNode(cast, row, actor, vars, field,
                        json.createObjectNode().put("minutes", value.get("minutes").asText()))));
            }
            if (value.isObject() && value.has("amount")) {
                for (String amount : List.of("-5.00", "0.00", "99999999999999999999.00", "5.001", "5,00", "1e3")) {
                    if (amount.equals("0.00") && ZERO_ALLOWED.contains(field)) {
                        continue;
                    }
                    bad.put(field + " amount " + amount, new Bad(path, replacedAmount(cast, row, actor, vars, field, amount, "EUR")));
                }
                bad.put(field + " in USD", new Bad(path, replacedAmount(cast, row, actor, vars, field, "5.00", "USD")));
                bad.put(field + " as a number", new Bad(path, replacedNode(cast, row, actor, vars, field,
                        json.getNodeFactory().numberNode(5))));
            }
        }
        unknownPathValues(cast, row, vars, row.body().json(cast, actor, vars), bad);
        return bad;
    }

    private String withField(String body, String field, String value) throws Exception {
        ObjectNode node = (ObjectNode) json.readTree(body);
        node.put(field, value);
        return json.writeValueAsString(node);
    }

    private String replaced(Cast cast, MatrixRows.Row row, Actor actor, Map<String, String> vars, String field, String value)
            throws Exception {
        return replacedNode(cast, row, actor, vars, field, json.getNodeFactory().textNode(value));
    }

    private String replacedAmount(Cast cast, MatrixRows.Row row, Actor actor, Map<String, String> vars, String field,
                                  String amount, String currency) throws Exception {
        ObjectNode money = json.createObjectNode().put("amount", amount).put("currency", currency);
        return replacedNode(cast, row, actor, vars, field, money);
    }

    /** A fresh valid body (new ids) with one field replaced. */
    private String replacedNode(Cast cast, MatrixRows.Row row, Actor actor, Map<String, String> vars, String field,
                                JsonNode value) throws Exception {
        ObjectNode node = (ObjectNode) json.readTree(row.body().json(cast, actor, vars));
        node.set(field, value);
        return json.writeValueAsString(node);
    }

    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(20).forEach(c -> shown.append(c < 0x20 || c == 0x202e ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return shown.toString();
    }

    private ResponseEntity<String> post(String login, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(login, Neighbours.PASSWORD)
                .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

}
