package nl.wederkerig.api.demo;

import nl.wederkerig.api.platform.time.LedgerTime;
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
        String femke = "femke-" + suffix;
        String wijk = "/api/v1/communities/" + community;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode meals = http.withBasicAuth(femke, DemoData.PASSWORD)
                    .getForObject(wijk + "/initiatives/aanschuiven-" + suffix + "/balance", JsonNode.class);
            // 250.00 granted - 18.40 claim paid from the bank; 37.50 guests - 31.10 food from the cash box.
            assertThat(meals.path("bank").path("amount").asText()).isEqualTo("231.60");
            assertThat(meals.path("cashBox").path("amount").asText()).isEqualTo("6.40");
        });
        String from = java.time.LocalDate.now(LedgerTime.ZONE).minusDays(59).toString();
        String to = java.time.LocalDate.now(LedgerTime.ZONE).toString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode statement = http.withBasicAuth(femke, DemoData.PASSWORD).getForObject(
                    wijk + "/partners/zorg-west-" + suffix + "/statement?from=" + from + "&to=" + to, JsonNode.class);
            JsonNode total = statement.path("total");
            assertThat(total.path("drawnMinutes").asLong()).isEqualTo(600);
            // 4 hours today at the €15.00 valuation in force from today; the 6 hours before it are unvalued.
            assertThat(total.path("drawnValue").path("amount").asText()).isEqualTo("60.00");
            assertThat(total.path("returnedMoney").path("amount").asText()).isEqualTo("150.00");
            assertThat(total.path("returnedInKind").path("amount").asText()).isEqualTo("40.00");
            assertThat(total.path("hoursEntries").asText()).isEqualTo("< 5");
            assertThat(statement.toString()).doesNotContain("amina").doesNotContain("bram");
        });
        // Each role sees its own: the treasurer her initiative, the partner its statement, Amina Bram's shared history.
        String zorg = "zorg-" + suffix;
        String bram = "bram-" + suffix;
        String cees = "cees-" + suffix;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(http.withBasicAuth(amina, DemoData.PASSWORD).getForEntity(
                    wijk + "/initiatives/aanschuiven-" + suffix + "/balance", String.class).getStatusCode().value()).isEqualTo(200);
            assertThat(http.withBasicAuth(zorg, DemoData.PASSWORD).getForEntity(
                    wijk + "/partners/zorg-west-" + suffix + "/balance", String.class).getStatusCode().value()).isEqualTo(200);
            assertThat(http.withBasicAuth(amina, DemoData.PASSWORD).getForEntity(
                    base + bram + "/trust-history", String.class).getStatusCode().value()).isEqualTo(200);
        });
        assertThat(http.withBasicAuth(cees, DemoData.PASSWORD).getForEntity(base + bram + "/trust-history", String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth(bram, DemoData.PASSWORD).getForEntity(
                wijk + "/initiatives/aanschuiven-" + suffix + "/balance", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth(zorg, DemoData.PASSWORD).getForEntity(wijk + "/journal.csv", String.class)
                .getStatusCode().value()).isEqualTo(403);
        for (String person : DemoData.PEOPLE) {
            String login = person + "-" + suffix;
            assertThat(http.withBasicAuth(login, DemoData.PASSWORD).getForEntity(base + login + "/balance", String.class)
                    .getStatusCode().value()).as(person).isEqualTo(200);
        }
    }
}
