package nl.wederkerig.api.trust;

import nl.wederkerig.api.platform.time.LedgerTime;
import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.StoredEvents;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.List;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    OwnCommunity wijk;
    Api api;

    @BeforeAll
    void community() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "trust");
        api = new Api(http, wijk.id);
    }

    ResponseEntity<JsonNode> get(MemberId as, String path) {
        return api.get(as, path);
    }

    @Test
    void aNeighbourSeesTheirOwnHistoryAndNobodyElses() {
        MemberId amina = wijk.member("amina");
        MemberId bram = wijk.member("bram");
        LocalDate made = LocalDate.now(LedgerTime.ZONE).minusDays(6);
        AdvanceId advance = AdvanceId.of(Neighbours.unique("adv"));
        commands.sendAndWait(new MakeAdvance(advance, wijk.id, amina, bram, Money.eur("12.00"), Purpose.PHARMACY, made, amina));
        commands.sendAndWait(new ReimburseAdvance(advance, CommandId.of("r"), Money.eur("12.00"), made.plusDays(3), bram));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get(amina, "/members/" + amina + "/trust-history").getBody().path("given").path("settled").asLong())
                        .isEqualTo(1));
        JsonNode history = get(amina, "/members/" + amina + "/trust-history").getBody();
        assertThat(history.path("given").path("medianDaysToSettle").asLong()).isEqualTo(3);
        assertThat(history.path("given").path("total").path("amount").asText()).isEqualTo("12.00");
        assertThat(history.path("distinctNeighbours").asLong()).isEqualTo(1);
        assertThat(history.path("firstInteraction").asText()).isEqualTo(made.toString());

        JsonNode pair = get(bram, "/members/" + bram + "/trust-history/with/" + amina).getBody();
        assertThat(pair.path("received").path("count").asLong()).isEqualTo(1);

        assertThat(get(bram, "/members/" + amina + "/trust-history").getStatusCode().value()).isEqualTo(403);
        assertThat(get(bram, "/members/" + amina + "/trust-history/with/" + bram).getStatusCode().value()).isEqualTo(403);
    }

    ResponseEntity<JsonNode> post(MemberId as, String path, String json) {
        return api.post(as, path, json);
    }

    long events() {
        return StoredEvents.count(jdbc);
    }

    @Test
    void aNeighbourSharesTheirHistoryWithOneNeighbourAndWithdrawsIt() {
        MemberId amina = wijk.member("amina");
        MemberId bram = wijk.member("bram");
        MemberId cees = wijk.member("cees");
        String history = "/members/" + amina + "/trust-history";
        assertThat(get(bram, history).getStatusCode().value()).isEqualTo(403);

        ResponseEntity<JsonNode> shared = post(amina, history + "/sharing", """
                {"commandId":"%s","viewer":"%s"}""".formatted(Neighbours.unique("share"), bram));
        assertThat(shared.getStatusCode().value()).isEqualTo(200);
        assertThat(shared.getBody().path("viewer").asText()).isEqualTo(bram.value());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get(bram, history).getStatusCode().value()).isEqualTo(200));
        assertThat(get(bram, history + "/with/" + cees).getStatusCode().value()).isEqualTo(200);
        assertThat(get(cees, history).getStatusCode().value()).as("shared with Bram only").isEqualTo(403);
        assertThat(get(amina, history + "/sharing").getBody().path("sharedWith").toString()).isEqualTo("[\"" + bram + "\"]");
        assertThat(get(bram, "/members/" + bram + "/trust-history/sharing").getBody().path("sharedBy").toString())
                .isEqualTo("[\"" + amina + "\"]");

        long before = events();
        ResponseEntity<JsonNode> withdrawn = post(amina, history + "/sharing/" + bram + "/withdrawal", """
                {"commandId":"%s"}""".formatted(Neighbours.unique("unshare")));
        assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
        assertThat(events()).isEqualTo(before + 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get(bram, history).getStatusCode().value()).isEqualTo(403));
    }

    @Test
    void sharingIsTheNeighboursOwnAndFollowsTheRules() {
        MemberId amina = wijk.member("amina");
        MemberId bram = wijk.member("bram");
        String sharing = "/members/" + amina + "/trust-history/sharing";
        String first = Neighbours.unique("share");
        String toBram = """
                {"commandId":"%s","viewer":"%s"}""".formatted(first, bram);
        assertThat(post(amina, sharing, toBram).getStatusCode().value()).isEqualTo(200);
        long before = events();

        ResponseEntity<JsonNode> repeat = post(amina, sharing, toBram);
        ResponseEntity<JsonNode> reused = post(amina, sharing, """
                {"commandId":"%s","viewer":"%s"}""".formatted(first, wijk.coordinator));
        ResponseEntity<JsonNode> twice = post(amina, sharing, """
                {"commandId":"%s","viewer":"%s"}""".formatted(Neighbours.unique("share"), bram));
        ResponseEntity<JsonNode> self = post(amina, sharing, """
                {"commandId":"%s","viewer":"%s"}""".formatted(Neighbours.unique("share"), amina));
        ResponseEntity<JsonNode> stranger = post(amina, sharing, """
                {"commandId":"%s","viewer":"nobody-here"}""".formatted(Neighbours.unique("share")));
        ResponseEntity<JsonNode> forSomeoneElse = post(bram, sharing, """
                {"commandId":"%s","viewer":"%s"}""".formatted(Neighbours.unique("share"), bram));
        ResponseEntity<JsonNode> notShared = post(amina, sharing + "/" + wijk.coordinator + "/withdrawal", """
                {"commandId":"%s"}""".formatted(Neighbours.unique("unshare")));
        ResponseEntity<JsonNode> actorInBody = post(amina, sharing, """
                {"commandId":"%s","viewer":"%s","actor":"%s"}""".formatted(Neighbours.unique("share"), bram, bram));

        assertThat(repeat.getStatusCode().value()).isEqualTo(200);
        assertThat(reused.getBody().path("code").asText()).isEqualTo("command-id-reused");
        assertThat(twice.getBody().path("code").asText()).isEqualTo("already-shared");
        assertThat(self.getBody().path("code").asText()).isEqualTo("self-sharing");
        assertThat(stranger.getStatusCode().value()).as("a consent to a non-member is answered as one to a member").isEqualTo(200);
        assertThat(stranger.getBody().path("viewer").asText()).isEqualTo("nobody-here");
        assertThat(List.of(twice, self, notShared)).allSatisfy(r -> assertThat(r.getStatusCode().value()).isEqualTo(422));
        assertThat(notShared.getBody().path("code").asText()).isEqualTo("not-shared");
        assertThat(forSomeoneElse.getStatusCode().value()).isEqualTo(403);
        assertThat(actorInBody.getStatusCode().value()).isEqualTo(400);
        assertThat(get(bram, sharing).getStatusCode().value()).as("whom Amina shares with is hers").isEqualTo(403);
        assertThat(events()).as("nothing stored").isEqualTo(before);
    }
}
