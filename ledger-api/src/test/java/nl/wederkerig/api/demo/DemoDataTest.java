package nl.wederkerig.api.demo;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.core.shared.CommunityId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The demo neighbourhood loads through the real commands and reads back as documented. */
@LedgerTest
class DemoDataTest {

    @Autowired
    DemoData demo;
    @Autowired
    TestRestTemplate http;

    @Test
    void loadsANeighbourhoodEachDemoPersonCanLogInto() {
        String suffix = Neighbours.unique("d");
        CommunityId community = CommunityId.of("west-" + suffix);
        demo.load(community, name -> name + "-" + suffix);

        String amina = "amina-" + suffix;
        String dirk = "dirk-" + suffix;
        String base = "/api/v1/communities/" + community + "/members/";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode balance = http.withBasicAuth(amina, DemoData.PASSWORD).getForObject(base + amina + "/balance", JsonNode.class);
            // Amina's groceries advance was paid back; she owes Bram the bus ticket.
            assertThat(balance.path("iOwe").path("amount").asText()).isEqualTo("6.80");
            assertThat(balance.path("owedToMe").path("amount").asText()).isEqualTo("0.00");
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode history = http.withBasicAuth(dirk, DemoData.PASSWORD).getForObject(base + dirk + "/trust-history", JsonNode.class);
            assertThat(history.path("helpAndErrands").path("errandsAsked").asLong()).isEqualTo(1);
            assertThat(history.path("helpAndErrands").path("helpReceivedMinutes").asLong()).isEqualTo(120);
            assertThat(history.path("received").path("count").asLong()).isEqualTo(1);
        });
        for (String person : DemoData.PEOPLE) {
            String login = person + "-" + suffix;
            assertThat(http.withBasicAuth(login, DemoData.PASSWORD).getForEntity(base + login + "/balance", String.class)
                    .getStatusCode().value()).as(person).isEqualTo(200);
        }
    }
}
