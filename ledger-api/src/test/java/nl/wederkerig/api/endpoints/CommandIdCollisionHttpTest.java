package nl.wederkerig.api.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.StoredEvents;
import nl.wederkerig.core.community.RegisterMember;
import nl.wederkerig.core.reciprocity.RecordMoneyReturned;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.COORDINATOR;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.COUNTERPARTY;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.NEIGHBOUR;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.OTHER_NEIGHBOUR;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.OTHER_TREASURER;
import static nl.wederkerig.api.endpoints.AuthorizationMatrixTest.Actor.TREASURER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids are chosen by the client, and a record's id is the id of the command that created it. So a
 * neighbour can send a new record with the id of someone else's (an advance, errand, help record,
 * claim, fund or partner entry, a member, an initiative …). Whatever record holds the id, whoever
 * owns it and whatever the body says, the answer is one neutral conflict: it tells that the id is
 * taken, never by what, between whom or for how much, and it stores nothing. Only the same actor
 * sending the very same command again gets the first answer (a retry).
 */
@LedgerTest
class CommandIdCollisionHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The one answer to a taken id, for every creating command. */
    private static final String TAKEN = "409 command-id-reused";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    LoginStore accounts;

    Cast cast;
    /** Ids held by records of others, by what holds them. */
    Map<String, String> taken;

    @BeforeEach
    void recordsOfOthers() {
        cast = Cast.create(commands, accounts, jdbc, "ids");
        taken = new LinkedHashMap<>();
        taken.put("Amina's advance to Bram", MatrixRows.advance(cast).get("advanceId"));
        taken.put("Amina's errand with Bram", MatrixRows.errand(cast).get("errandId"));
        taken.put("Bram's help to Amina", MatrixRows.help(cast).get("helpId"));
        taken.put("Cees's claim", MatrixRows.claim(cast).get("claimId"));
        taken.put("Tessa's contribution", MatrixRows.fundedInitiative(cast).get("entryId"));
        String returned = Neighbours.unique("money");
        commands.sendAndWait(new RecordMoneyReturned(cast.partner(), CommandId.of(returned), cast.community(), cast.initiative(),
                Money.eur("30.00"), MatrixRows.today(), cast.member(COORDINATOR)));
        taken.put("the partner's money returned", returned);
        String registration = Neighbours.unique("reg");
        commands.sendAndWait(new RegisterMember(cast.community(), CommandId.of(registration), MemberId.of(Neighbours.unique("member")),
                MatrixRows.today(), cast.member(COORDINATOR)));
        taken.put("a member's registration", registration);
        taken.put("the initiative", cast.initiative().value());
        taken.put("the partner", cast.partner().value());
        taken.put("the community", cast.community().value());
    }

    /**
     * A creating command: who sends it where, with which body for a given id, and which of the
     * {@link #taken} ids it can meet. A record's own id (advance, errand, help, claim) names a
     * stream among every other (a fund is named by its initiative, a partner's account by the
     * partner, the community by itself); an entry's or a registration's command id is only taken
     * within its own fund, partner account or community.
     */
    record Creation(String name, Actor actor, String path, Function<String, String> body, List<String> meets) {
        Creation(String name, Actor actor, String path, Function<String, String> body) {
            this(name, actor, path, body, STREAMS);
        }
    }

    private static final List<String> STREAMS = List.of("Amina's advance to Bram", "Amina's errand with Bram",
            "Bram's help to Amina", "Cees's claim", "the initiative", "the partner", "the community");

    List<Creation> creations() {
        String initiative = "/initiatives/" + cast.initiative();
        String partner = "/partners/" + cast.partner();
        return List.of(
                new Creation("advance", OTHER_NEIGHBOUR, "/advances", id -> """
                        {"advanceId":"%s","borrower":"%s","amount":{"amount":"5.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                        .formatted(id, cast.member(COUNTERPARTY))),
                new Creation("errand", OTHER_NEIGHBOUR, "/errands", id -> """
                        {"errandId":"%s","asker":"%s","helper":"%s","entrusted":{"amount":"10.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                        .formatted(id, cast.member(OTHER_NEIGHBOUR), cast.member(TREASURER))),
                new Creation("help", OTHER_NEIGHBOUR, "/help", id -> """
                        {"helpId":"%s","receiver":"%s","hours":{"minutes":30},"kind":"COMPANY"}"""
                        .formatted(id, cast.member(TREASURER))),
                new Creation("claim", OTHER_NEIGHBOUR, initiative + "/claims", id -> """
                        {"claimId":"%s","amount":{"amount":"3.00","currency":"EUR"},"category":"MATERIALS","receipt":"HEMA-2"}"""
                        .formatted(id)),
                new Creation("contribution", TREASURER, initiative + "/contributions", id -> """
                        {"commandId":"%s","amount":{"amount":"1.00","currency":"EUR"},"source":"DONATION","channel":"CASH_BOX"}"""
                        .formatted(id), List.of("Tessa's contribution")),
                new Creation("reciprocity entry", TREASURER, partner + "/money-returned", id -> """
                        {"commandId":"%s","initiativeId":"%s","amount":{"amount":"2.00","currency":"EUR"}}"""
                        .formatted(id, cast.initiative()), List.of("the partner's money returned")),
                new Creation("member", COORDINATOR, "/members", id -> """
                        {"commandId":"%s","memberId":"%s"}""".formatted(id, Neighbours.unique("new")), List.of("a member's registration")));
    }

    @Test
    void aTakenIdGetsOneNeutralConflictWhateverHoldsItAndNothingIsStored() {
        List<String> told = new ArrayList<>();
        for (Creation creation : creations()) {
            String fresh = Neighbours.unique("fresh");
            ResponseEntity<String> made = send(creation, creation.body().apply(fresh), "en");
            assertThat(made.getStatusCode().value()).as(creation.name() + " with a fresh id: " + made.getBody()).isBetween(200, 201);
            String first = null;
            for (Map.Entry<String, String> holder : taken.entrySet()) {
                if (!creation.meets().contains(holder.getKey())) {
                    continue;
                }
                long before = StoredEvents.onceQuiet(jdbc);
                ResponseEntity<String> answer = send(creation, creation.body().apply(holder.getValue()), "en");
                String said = answer.getStatusCode().value() + " " + comparable(answer.getBody(), holder.getValue());
                if (!said.startsWith(TAKEN + " ")) {
                    told.add(creation.name() + " with the id of " + holder.getKey() + ": " + said);
                } else if (first == null) {
                    first = said;
                } else if (!said.equals(first)) {
                    told.add(creation.name() + " with the id of " + holder.getKey() + " answers otherwise: " + said + " versus " + first);
                }
                if (StoredEvents.count(jdbc) != before) {
                    told.add(creation.name() + " with the id of " + holder.getKey() + " stored something");
                }
            }
        }
        assertThat(told).as("what a taken id told").isEmpty();
    }

    /**
     * The answer to a taken id is given before the body is looked at, so no body can probe the
     * record behind it: naming its real borrower or another, a valid date or one in the future, the
     * answer stays the same. (Before: a borrower's limit book answered first, and told whether the
     * named neighbour was the borrower of the advance with that id.)
     */
    @Test
    void noBodyTellsTheBorrowerOrTheAmountOfAnAdvanceWhoseIdItReuses() {
        String advance = taken.get("Amina's advance to Bram");
        List<String> said = new ArrayList<>();
        for (Actor borrower : List.of(COUNTERPARTY, NEIGHBOUR, TREASURER)) {
            for (String amount : List.of("20.00", "5.00")) {
                for (String date : List.of("", ",\"businessDate\":\"" + MatrixRows.today().plusYears(1) + "\"")) {
                    String body = """
                            {"advanceId":"%s","borrower":"%s","amount":{"amount":"%s","currency":"EUR"},"purpose":"GROCERIES"%s}"""
                            .formatted(advance, cast.member(borrower), amount, date);
                    ResponseEntity<String> answer = send(new Creation("advance", OTHER_NEIGHBOUR, "/advances", id -> body), body, "en");
                    said.add(answer.getStatusCode().value() + " " + comparable(answer.getBody(), advance));
                }
            }
        }
        assertThat(said).as("the answers to every body with the id of Amina's advance").hasSize(12).containsOnly(said.get(0));
        assertThat(said.get(0)).startsWith(TAKEN + " ").doesNotContain(cast.login(NEIGHBOUR), cast.login(COUNTERPARTY), "20.00");
    }

    @Test
    void theOwnerGetsTheSameConflictForAnotherBodyAndTheFirstAnswerForTheSameCommand() {
        String id = Neighbours.unique("adv");
        String body = """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"7.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(id, cast.member(COUNTERPARTY));
        Creation amina = new Creation("advance", NEIGHBOUR, "/advances", ignored -> body);
        ResponseEntity<String> first = send(amina, body, "en");
        ResponseEntity<String> again = send(amina, body, "en");
        ResponseEntity<String> changed = send(amina, body.replace("7.00", "8.00"), "en");
        ResponseEntity<String> cees = send(new Creation("advance", OTHER_NEIGHBOUR, "/advances", ignored -> body),
                body.replace(cast.login(COUNTERPARTY), cast.login(TREASURER)), "en");

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(changed.getStatusCode().value() + " " + comparable(changed.getBody(), id))
                .startsWith(TAKEN + " ")
                .isEqualTo(cees.getStatusCode().value() + " " + comparable(cees.getBody(), id));
    }

    /**
     * A step on a record (acknowledge, report, confirm, approve) addressed with the id of a record of
     * another kind is a step on a record that does not exist: the answer to an id nobody used (it
     * was a 500, which told that the id was someone's record).
     */
    @Test
    void aStepAddressedWithTheIdOfAnotherKindOfRecordIsAnsweredAsAnUnknownId() {
        String advance = taken.get("Amina's advance to Bram");
        String errand = taken.get("Amina's errand with Bram");
        String help = taken.get("Bram's help to Amina");
        String claims = "/initiatives/" + cast.initiative() + "/claims/";
        String step = "{\"commandId\":\"%s\"}";
        String spending = "{\"commandId\":\"%s\",\"spent\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"receipt\":\"X-1\"}";
        // path, the id of another kind of record, the body
        List<List<String>> steps = List.of(
                List.of("/advances/%s/acknowledgement", errand, step),
                List.of("/errands/%s/spending", advance, spending),
                List.of("/help/%s/confirmation", advance, step),
                List.of(claims + "%s/approval", help, step));
        List<String> told = new ArrayList<>();
        java.util.Set<String> notFound = new java.util.HashSet<>();
        for (List<String> row : steps) {
            String path = row.get(0);
            String otherKind = row.get(1);
            String unknown = Neighbours.unique("unknown");
            for (Actor actor : List.of(NEIGHBOUR, COUNTERPARTY, TREASURER)) {
                String body = row.get(2).formatted(Neighbours.unique("step"));
                ResponseEntity<String> other = send(new Creation("step", actor, path.formatted(otherKind), id -> body), body, "nl");
                ResponseEntity<String> none = send(new Creation("step", actor, path.formatted(unknown), id -> body), body, "nl");
                String a = other.getStatusCode().value() + " " + comparable(other.getBody(), otherKind);
                String b = none.getStatusCode().value() + " " + comparable(none.getBody(), unknown);
                if (!a.equals(b)) {
                    told.add(path + " as " + actor + ": " + a + " versus " + b);
                }
                if (other.getStatusCode().value() == 404) {
                    notFound.add(path);
                }
            }
        }
        // Those who may take the step on such a record (not refused for their role first) get the 404 itself.
        assertThat(notFound).as("steps answered 404").hasSize(steps.size());
        assertThat(told).as("steps on an id of another kind of record").isEmpty();
    }

    /** Entries are numbered per fund: another treasurer's own fund takes an id used in Tessa's. */
    @Test
    void fundEntryIdsAreOnlyTakenWithinTheirOwnFund() {
        String tessas = taken.get("Tessa's contribution");
        String body = """
                {"commandId":"%s","amount":{"amount":"1.00","currency":"EUR"},"source":"DONATION","channel":"CASH_BOX"}"""
                .formatted(tessas);
        ResponseEntity<String> tomas = send(new Creation("contribution", OTHER_TREASURER,
                "/initiatives/" + cast.otherInitiative() + "/contributions", id -> body), body, "en");
        assertThat(tomas.getStatusCode().value()).as(tomas.getBody()).isEqualTo(200);
    }

    private ResponseEntity<String> send(Creation creation, String body, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return http.withBasicAuth(cast.login(creation.actor()), Neighbours.PASSWORD).postForEntity(
                "/api/v1/communities/" + cast.community() + creation.path(), new HttpEntity<>(body, headers), String.class);
    }

    /** The code and detail of a problem (the id sent replaced by {id}); for anything else the whole body. */
    private static String comparable(String body, String id) {
        if (body == null) {
            return "";
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json instanceof ObjectNode problem && problem.has("code")) {
                return problem.path("code").asText() + " " + problem.path("detail").asText().replace(id, "{id}");
            }
        } catch (Exception notJson) {
            // compared as it is
        }
        return body.replace(id, "{id}");
    }
}
