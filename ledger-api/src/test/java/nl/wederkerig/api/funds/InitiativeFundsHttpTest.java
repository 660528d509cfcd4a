package nl.wederkerig.api.funds;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.SubmitClaim;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.RecordContribution;
import nl.wederkerig.core.funds.RecordExpense;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
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
class InitiativeFundsHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    final LocalDate today = LocalDate.now(LedgerTime.ZONE);
    OwnCommunity wijk;

    @BeforeEach
    void ownCommunity() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "funds");
    }

    ResponseEntity<JsonNode> get(MemberId as, String path) {
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD)
                .getForEntity("/api/v1/communities/" + wijk.id + path, JsonNode.class);
    }

    /** An initiative (its fund open) with a treasurer the fund knows, who may record money and claim. */
    InitiativeId initiativeWithTreasurer(MemberId treasurer) {
        InitiativeId initiative = wijk.initiative("meals");
        wijk.treasurer(treasurer, initiative);
        return initiative;
    }

    @Test
    void balanceAsOfADateAndTheReportBesideThePreviousPeriod() {
        MemberId treasurer = wijk.member("tessa");
        InitiativeId initiative = initiativeWithTreasurer(treasurer);
        commands.sendAndWait(new RecordContribution(initiative, CommandId.of("grant"), Money.eur("200.00"), ContributionSource.GRANT,
                null, Channel.BANK, today.minusDays(5), treasurer));
        commands.sendAndWait(new RecordExpense(initiative, CommandId.of("food"), Money.eur("35.20"), ExpenseCategory.FOOD,
                ReceiptReference.of("bon-1"), Channel.BANK, today.minusDays(2), treasurer));
        commands.sendAndWait(new SubmitClaim(ClaimId.of(Neighbours.unique("claim")), wijk.id, initiative, Money.eur("8.00"),
                ExpenseCategory.TRANSPORT, ReceiptReference.of("bon-2"), today.minusDays(1), treasurer));
        String base = "/initiatives/" + initiative;

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get(treasurer, base + "/balance").getBody().path("claimsSubmitted").path("count").asLong()).isEqualTo(1));
        JsonNode now = get(treasurer, base + "/balance?asOf=" + today).getBody();
        JsonNode before = get(treasurer, base + "/balance?asOf=" + today.minusDays(3)).getBody();
        JsonNode report = get(treasurer, base + "/report?from=" + today.minusDays(6) + "&to=" + today).getBody();

        assertThat(now.path("bank").path("amount").asText()).isEqualTo("164.80");
        assertThat(before.path("bank").path("amount").asText()).isEqualTo("200.00");
        assertThat(report.path("current").path("incomeBySource").path("GRANT").path("amount").asText()).isEqualTo("200.00");
        assertThat(report.path("current").path("expensesByCategory").path("FOOD").path("amount").asText()).isEqualTo("35.20");
        assertThat(report.path("current").path("closingBalance").path("amount").asText()).isEqualTo("164.80");
        assertThat(report.path("previous").path("incomeTotal").path("amount").asText()).isEqualTo("0.00");
        assertThat(report.path("change").path("incomeTotal").path("amount").asText()).isEqualTo("200.00");
    }

    @Test
    void aReversedOverlongOrIncompletePeriodIsABadRequestAndAnUnknownInitiativeIsNotFound() {
        MemberId treasurer = wijk.member("tessa");
        InitiativeId initiative = initiativeWithTreasurer(treasurer);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get(treasurer, "/initiatives/" + initiative + "/balance").getStatusCode().value()).isEqualTo(200));

        ResponseEntity<JsonNode> reversed = get(treasurer, "/initiatives/" + initiative + "/report?from=" + today
                + "&to=" + today.minusDays(1));
        ResponseEntity<JsonNode> tooLong = get(treasurer, "/initiatives/" + initiative + "/report?from="
                + today.minusYears(4) + "&to=" + today);
        // Only a coordinator may ask about any initiative; to a treasurer another initiative is simply not theirs.
        ResponseEntity<JsonNode> unknown = get(wijk.coordinator, "/initiatives/onbekend/balance");
        ResponseEntity<JsonNode> notTheirs = get(treasurer, "/initiatives/onbekend/balance");
        ResponseEntity<JsonNode> noEnd = get(treasurer, "/initiatives/" + initiative + "/report?from=" + today);
        ResponseEntity<JsonNode> notADate = get(treasurer, "/initiatives/" + initiative + "/balance?asOf=gisteren");

        assertThat(reversed.getStatusCode().value()).isEqualTo(400);
        assertThat(reversed.getBody().path("code").asText()).isEqualTo("bad-request");
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().path("code").asText()).isEqualTo("not-found");
        assertThat(notTheirs.getStatusCode().value()).isEqualTo(403);
        assertThat(noEnd.getStatusCode().value()).isEqualTo(400);
        assertThat(noEnd.getBody().path("code").asText()).isEqualTo("bad-request");
        assertThat(notADate.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aMemberOfAnotherCommunityMayNotSeeIt() {
        MemberId treasurer = wijk.member("tessa");
        InitiativeId initiative = initiativeWithTreasurer(treasurer);
        MemberId outsider = OwnCommunity.found(commands, accounts, jdbc, "elsewhere").member("olaf");

        assertThat(get(outsider, "/initiatives/" + initiative + "/balance").getStatusCode().value()).isEqualTo(403);
    }
}
