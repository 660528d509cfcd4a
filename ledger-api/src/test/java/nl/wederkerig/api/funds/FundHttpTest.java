package nl.wederkerig.api.funds;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static nl.wederkerig.api.support.Api.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundHttpTest {

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
    MemberId treasurer;
    MemberId volunteer;
    InitiativeId initiative;
    String base;

    @BeforeAll
    void community() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "funds");
        api = new Api(http, wijk.id);
    }

    @BeforeEach
    void setUp() {
        treasurer = wijk.member("tessa");
        volunteer = wijk.member("vera");
        initiative = wijk.initiative("aanschuiven");
        wijk.treasurer(treasurer, initiative);
        base = "/initiatives/" + initiative;
    }

    static String contribution(String commandId, String amount, String channel) {
        return """
                {"commandId":"%s","amount":{"amount":"%s","currency":"EUR"},"source":"GRANT","channel":"%s"}"""
                .formatted(commandId, amount, channel);
    }

    static String expense(String commandId, String amount, String channel) {
        return """
                {"commandId":"%s","amount":{"amount":"%s","currency":"EUR"},"category":"FOOD","receipt":"JUMBO-0412","channel":"%s"}"""
                .formatted(commandId, amount, channel);
    }

    static String transfer(String commandId, String amount, String from, String to) {
        return """
                {"commandId":"%s","amount":{"amount":"%s","currency":"EUR"},"from":"%s","to":"%s"}""".formatted(commandId, amount, from, to);
    }

    long stored() {
        return wijk.events(initiative.value());
    }

    void awaitBalance(String bank, String cashBox) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode balance = api.get(treasurer, base + "/balance").getBody();
            assertThat(balance.path("bank").path("amount").asText()).isEqualTo(bank);
            assertThat(balance.path("cashBox").path("amount").asText()).isEqualTo(cashBox);
        });
    }

    @Test
    void contributionExpenseAndTransferMoveTheBalances() {
        ResponseEntity<JsonNode> grant = api.post(treasurer, base + "/contributions", contribution("grant", "250.00", "BANK"));
        assertThat(grant.getStatusCode().value()).isEqualTo(200);
        assertThat(grant.getBody().path("initiativeId").asText()).isEqualTo(initiative.value());
        assertThat(grant.getBody().path("commandId").asText()).isEqualTo("grant");
        assertThat(api.post(treasurer, base + "/transfers", transfer("withdraw", "40.00", "BANK", "CASH_BOX"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(api.post(treasurer, base + "/expenses", expense("food", "31.10", "CASH_BOX")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(api.post(treasurer, base + "/contributions",
                "{\"commandId\":\"zorg\",\"amount\":{\"amount\":\"10.00\",\"currency\":\"EUR\"},\"source\":\"DONATION\","
                        + "\"channel\":\"CASH_BOX\",\"businessDate\":\"" + java.time.LocalDate.now(
                        nl.wederkerig.api.platform.time.LedgerTime.ZONE).minusDays(2) + "\"}")
                .getStatusCode().value()).isEqualTo(200);

        awaitBalance("210.00", "18.90");
    }

    @Test
    void theCashBoxNeverGoesNegativeAndFromAndToMustDiffer() {
        api.post(treasurer, base + "/contributions", contribution("guests", "20.00", "CASH_BOX"));
        long before = stored();

        ResponseEntity<JsonNode> tooMuch = api.post(treasurer, base + "/expenses", expense("food", "20.01", "CASH_BOX"));
        assertThat(answer(tooMuch)).isEqualTo("422 cash-box-negative");
        assertThat(tooMuch.getBody().path("type").asText()).isEqualTo("https://wederkerig.nl/problems/cash-box-negative");
        assertThat(answer(api.post(treasurer, base + "/transfers", transfer("deposit", "30.00", "CASH_BOX", "BANK"))))
                .isEqualTo("422 cash-box-negative");
        assertThat(answer(api.post(treasurer, base + "/transfers", transfer("nowhere", "5.00", "BANK", "BANK"))))
                .isEqualTo("422 same-channel");
        assertThat(answer(api.post(treasurer, base + "/expenses", expense("bank", "1.00", "BANK")))).isEqualTo("422 fund-insufficient");
        assertThat(answer(api.post(treasurer, base + "/contributions",
                contribution("partner", "5.00", "BANK").replace("GRANT", "PARTNER")))).isEqualTo("422 partner-mismatch");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anEntryIsReversedOnceAndTheBalanceReturns() {
        api.post(treasurer, base + "/contributions", contribution("grant", "100.00", "BANK"));
        api.post(treasurer, base + "/contributions", contribution("typo", "1000.00", "BANK"));
        String reversal = "{\"commandId\":\"%s\",\"reason\":\"WRONG_AMOUNT\"}";

        ResponseEntity<JsonNode> reversed = api.post(treasurer, base + "/entries/typo/reversal", reversal.formatted("undo-1"));
        assertThat(reversed.getStatusCode().value()).isEqualTo(200);
        awaitBalance("100.00", "0.00");

        long before = stored();
        assertThat(answer(api.post(treasurer, base + "/entries/typo/reversal", reversal.formatted("undo-2"))))
                .isEqualTo("422 already-reversed");
        assertThat(answer(api.post(treasurer, base + "/entries/nothing/reversal", reversal.formatted("undo-3"))))
                .isEqualTo("422 not-reversible");
        assertThat(answer(api.post(treasurer, base + "/entries/grant/reversal", "{\"commandId\":\"undo-4\",\"reason\":\"OOPS\"}")))
                .isEqualTo("400 bad-request");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void someoneWhoIsNotTreasurerOfThisInitiativeRecordsNothing() {
        InitiativeId other = wijk.initiative("buurthulp");
        MemberId otherTreasurer = wijk.member("otto");
        wijk.treasurer(otherTreasurer, other);
        long before = stored();

        assertThat(answer(api.post(volunteer, base + "/contributions", contribution("grant", "10.00", "BANK"))))
                .isEqualTo("403 forbidden");
        assertThat(answer(api.post(otherTreasurer, base + "/expenses", expense("food", "1.00", "BANK")))).isEqualTo("403 forbidden");
        assertThat(answer(api.post(wijk.coordinator, base + "/transfers", transfer("move", "1.00", "BANK", "CASH_BOX"))))
                .isEqualTo("403 forbidden");
        assertThat(answer(api.post(volunteer, base + "/entries/grant/reversal", "{\"commandId\":\"u\",\"reason\":\"OTHER\"}")))
                .isEqualTo("403 forbidden");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anUnknownInitiativeOrOneOfAnotherCommunityIsNotFound() {
        OwnCommunity other = OwnCommunity.found(commands, accounts, jdbc, "elders");
        InitiativeId elsewhere = other.initiative("elders");
        // Who asks comes before what exists: she keeps no books there, whether "there" exists or not.
        assertThat(answer(api.post(treasurer, "/initiatives/onbekend/contributions", contribution("g", "1.00", "BANK"))))
                .isEqualTo("403 forbidden");
        assertThat(answer(api.post(treasurer, "/initiatives/" + elsewhere + "/contributions", contribution("g", "1.00", "BANK"))))
                .isEqualTo("403 forbidden");
        // The coordinator, who may see every initiative's books, learns that this one is not of her wijk.
        assertThat(answer(api.get(wijk.coordinator, "/initiatives/" + elsewhere + "/balance"))).isEqualTo("404 not-found");
        assertThat(wijk.events(elsewhere.value())).isEqualTo(1);
    }

    @Test
    void badInputIsA400AndStoresNothing() {
        long before = stored();
        assertThat(answer(api.post(treasurer, base + "/contributions", "{\"commandId\":\"x\","))).isEqualTo("400 bad-request");
        assertThat(answer(api.post(treasurer, base + "/contributions",
                contribution("x", "10.00", "BANK").replace("\"channel\"", "\"actor\":\"" + treasurer + "\",\"channel\""))))
                .isEqualTo("400 bad-request");
        assertThat(answer(api.post(treasurer, base + "/contributions", contribution("x", "-10.00", "BANK"))))
                .isEqualTo("422 amount-not-positive");
        assertThat(answer(api.post(treasurer, base + "/contributions", contribution("x", "10.00", "SAFE")))).isEqualTo("400 bad-request");
        assertThat(answer(api.post(treasurer, base + "/expenses", expense("x", "1.00", "BANK").replace("JUMBO-0412", "<b>bon</b>"))))
                .isEqualTo("400 bad-request");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anApprovedClaimIsPaidOnceFromItsOwnFund() {
        api.post(treasurer, base + "/contributions", contribution("grant", "100.00", "BANK"));
        String claim = Neighbours.unique("claim");
        assertThat(api.post(volunteer, base + "/claims",
                "{\"claimId\":\"" + claim + "\",\"amount\":{\"amount\":\"18.40\",\"currency\":\"EUR\"},\"category\":\"MATERIALS\","
                        + "\"receipt\":\"ACTION-77\"}").getStatusCode().value()).isEqualTo(201);
        // Treasurer of a second initiative too: even so, a claim is paid only under its own.
        InitiativeId other = wijk.initiative("buurthulp");
        wijk.treasurer(treasurer, other);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.post(treasurer, base + "/claims/" + claim + "/approval", "{\"commandId\":\"ok\"}").getStatusCode().value())
                .isEqualTo(200));
        String payment = "{\"commandId\":\"%s\",\"channel\":\"BANK\"}";

        assertThat(answer(api.post(treasurer, "/initiatives/" + other + "/claims/" + claim + "/payment", payment.formatted("pay-0"))))
                .isEqualTo("404 not-found");
        ResponseEntity<JsonNode> paid = api.post(treasurer, base + "/claims/" + claim + "/payment", payment.formatted("pay-1"));
        assertThat(paid.getStatusCode().value()).isEqualTo(200);
        awaitBalance("81.60", "0.00");

        long before = stored();
        assertThat(answer(api.post(treasurer, base + "/claims/" + claim + "/payment", payment.formatted("pay-2"))))
                .isEqualTo("422 claim-already-paid");
        assertThat(stored()).isEqualTo(before);
    }
}
