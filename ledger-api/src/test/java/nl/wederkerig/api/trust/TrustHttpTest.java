package nl.wederkerig.api.trust;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.accounts.Accounts;
import nl.wederkerig.api.support.Communities;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LedgerTest
class TrustHttpTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");

    @Autowired
    TestRestTemplate http;
    @Autowired
    Accounts accounts;
    @Autowired
    CommandGateway commands;

    ResponseEntity<JsonNode> get(MemberId as, String path) {
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD)
                .getForEntity("/api/v1/communities/" + WEST + path, JsonNode.class);
    }

    @Test
    void aNeighbourSeesTheirOwnHistoryAndNobodyElses() {
        Communities.founded(commands, WEST);
        MemberId amina = Neighbours.register(accounts, WEST, "amina");
        MemberId bram = Neighbours.register(accounts, WEST, "bram");
        LocalDate made = LocalDate.now().minusDays(6);
        AdvanceId advance = AdvanceId.of(Neighbours.unique("adv"));
        commands.sendAndWait(new MakeAdvance(advance, WEST, amina, bram, Money.eur("12.00"), Purpose.PHARMACY, made, amina));
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
}
