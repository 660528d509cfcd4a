package nl.wederkerig.api.reciprocity;

import nl.wederkerig.core.community.HourValuationMethod;
import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.community.InitiativeKind;
import nl.wederkerig.core.community.SetHourValuation;
import nl.wederkerig.core.reciprocity.RecordHoursDrawn;
import nl.wederkerig.core.reciprocity.RecordMoneyReturned;
import nl.wederkerig.core.reciprocity.RecordServiceDrawn;
import nl.wederkerig.core.reciprocity.ServiceCategory;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LedgerTest
class PartnerReciprocityHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    /** Each test's own community, so the hour valuation set here meets no other test's. */
    OwnCommunity wijk;

    @BeforeEach
    void ownCommunity() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "delfshaven");
    }

    /** A representative of {@code partner}: the partner's own login. */
    MemberId representativeOf(PartnerId partner) {
        MemberId reader = wijk.member("rita");
        wijk.representative(reader, partner);
        return reader;
    }

    final LocalDate today = LocalDate.now(LedgerTime.ZONE);

    ResponseEntity<JsonNode> get(MemberId as, String path) {
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD)
                .getForEntity("/api/v1/communities/" + wijk.id + path, JsonNode.class);
    }

    /** A partner that drew 90 minutes and 2 meals from an initiative and returned €20.00, today. */
    PartnerId partnerWithEntries() {
        MemberId coordinator = wijk.coordinator;
        commands.sendAndWait(new SetHourValuation(wijk.id, CommandId.of("valuation"), Money.eur("12.00"), today, HourValuationMethod.FIXED_AGREED, today,
                coordinator));
        InitiativeId initiative = wijk.initiative("buurthulp", InitiativeKind.NEIGHBOUR_HELP);
        PartnerId partner = wijk.partner("zorg");
        commands.sendAndWait(new RecordHoursDrawn(partner, CommandId.of("h1"), wijk.id, initiative, Hours.ofMinutes(90),
                today, coordinator));
        commands.sendAndWait(new RecordServiceDrawn(partner, CommandId.of("s1"), wijk.id, initiative, ServiceCategory.MEAL,
                2, today, coordinator));
        commands.sendAndWait(new RecordMoneyReturned(partner, CommandId.of("m1"), wijk.id, initiative, Money.eur("20.00"),
                today, coordinator));
        return partner;
    }

    @Test
    void statementValuesHoursAndShowsSmallCountsAsLessThanFive() {
        PartnerId partner = partnerWithEntries();
        MemberId reader = representativeOf(partner);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get(reader, "/partners/" + partner
                + "/balance").getBody().path("returnedMoney").path("amount").asText()).isEqualTo("20.00"));
        JsonNode statement = get(reader, "/partners/" + partner + "/statement?from=" + today.minusDays(30) + "&to=" + today)
                .getBody();
        JsonNode balance = get(reader, "/partners/" + partner + "/balance?asOf=" + today).getBody();

        JsonNode total = statement.path("total");
        assertThat(total.path("drawnMinutes").asLong()).isEqualTo(90);
        assertThat(total.path("drawnValue").path("amount").asText()).isEqualTo("18.00");
        assertThat(total.path("balance").path("amount").asText()).isEqualTo("2.00");
        assertThat(total.path("servicesDrawn").path("MEAL").asText()).isEqualTo("< 5");
        assertThat(total.path("hoursEntries").asText()).isEqualTo("< 5");
        assertThat(statement.path("initiatives")).hasSize(1);
        assertThat(balance.path("balance").path("amount").asText()).isEqualTo("2.00");
        assertThat(get(reader, "/partners/" + partner + "/balance?asOf=" + today.minusDays(1)).getBody()
                .path("drawnMinutes").asLong()).isZero();
    }

    @Test
    void theApiDocumentDescribesCountsAsNumbersOrLessThanFive() {
        JsonNode line = http.getForEntity("/v3/api-docs", JsonNode.class).getBody()
                .path("components").path("schemas").path("StatementLine").path("properties");

        assertThat(line.path("hoursEntries").path("type").asText()).isEqualTo("string");
        assertThat(line.path("hoursEntries").path("pattern").asText()).isEqualTo("^(< 5|[0-9]{1,18})$");
        assertThat(line.path("servicesDrawn").path("additionalProperties").path("pattern").asText())
                .isEqualTo("^(< 5|[0-9]{1,18})$");
    }

    @Test
    void anOverlongPeriodIsABadRequestAndAnUnknownPartnerIsNotFound() {
        PartnerId partner = partnerWithEntries();
        MemberId reader = representativeOf(partner);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get(reader, "/partners/" + partner + "/balance").getStatusCode().value()).isEqualTo(200));

        ResponseEntity<JsonNode> tooLong = get(reader, "/partners/" + partner + "/statement?from=" + today.minusYears(4)
                + "&to=" + today);
        // A coordinator learns that a partner does not exist; to a representative another partner is simply not theirs.
        MemberId coordinator = wijk.coordinator;
        ResponseEntity<JsonNode> unknown = get(coordinator, "/partners/onbekend/statement?from=" + today + "&to=" + today);
        ResponseEntity<JsonNode> unknownBalance = get(coordinator, "/partners/onbekend/balance");
        ResponseEntity<JsonNode> notTheirs = get(reader, "/partners/onbekend/balance");

        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(tooLong.getBody().path("code").asText()).isEqualTo("bad-request");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknownBalance.getStatusCode().value()).isEqualTo(404);
        assertThat(notTheirs.getStatusCode().value()).isEqualTo(403);
    }
}
