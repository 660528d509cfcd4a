package nl.wederkerig.api.reconciliation;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.Browser;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.SubmitClaim;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.RecordContribution;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The claims queue in a real browser on a phone, every page through axe-core: the treasurer comes
 * from the home page, asks the claimant a question (an empty one is refused beside the field), the
 * claimant answers on "Declaraties" (an empty answer likewise), the treasurer sees whom to pay (no
 * IBAN stored: said plainly; then the IBAN with the WDK reference) and records a claim paid by hand;
 * the kascommissie reads the books page, with no form.
 */
@LedgerTest
class ClaimQueueBrowserTest {

    static final String IBAN = "NL91ABNA0417164300";

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void aQuestionGoesBackAndForthAndAClaimIsPaidByHand() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "queueweb");
        MemberId treasurer = wijk.member("tessa");
        MemberId cees = wijk.member("cees");
        MemberId auditor = wijk.member("kees");
        InitiativeId initiative = wijk.initiative("eettafel");
        wijk.treasurer(treasurer, initiative);
        wijk.role(auditor, Role.auditorOf(initiative));
        LocalDate today = LocalDate.now(LedgerTime.ZONE);
        commands.sendAndWait(new RecordContribution(initiative, CommandId.of(Neighbours.unique("gift")), Money.eur("40.00"),
                ContributionSource.DONATION, null, Channel.BANK, today, treasurer));
        String asked = Neighbours.unique("claim");
        String paid = Neighbours.unique("claim");
        commands.sendAndWait(new SubmitClaim(ClaimId.of(asked), wijk.id, initiative, Money.eur("12.50"), ExpenseCategory.FOOD,
                ReceiptReference.of("JUMBO-3"), today, cees));
        commands.sendAndWait(new SubmitClaim(ClaimId.of(paid), wijk.id, initiative, Money.eur("8.00"), ExpenseCategory.MATERIALS,
                ReceiptReference.of("ACTION-7"), today, cees));
        String page = "/initiatives/" + initiative + "/treasury";

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            logIn(browser, treasurer);
            browser.go("/");
            browser.check("claims-queue-home");
            browser.click("books-" + initiative);
            assertThat(browser.heading()).isEqualTo("De kas");
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.go(page);
                return !browser.driver().findElements(By.id("ask-" + asked)).isEmpty()
                        && !browser.driver().findElements(By.id("approve-" + paid)).isEmpty();
            });

            browser.click("ask-" + asked);
            assertThat(browser.text("question-" + asked + "-error")).isEqualTo("Schrijf uw vraag aan de indiener.");
            browser.check("claims-queue-question-empty");
            browser.type("question-" + asked, "Welke winkel was dit?");
            browser.click("ask-" + asked);
            browser.find("waiting-" + asked);
            assertThat(browser.text("claim-" + asked + "-notes")).contains("Welke winkel was dit?");
            assertThat(browser.driver().findElements(By.id("approve-" + asked))).isEmpty();

            browser.click("approve-" + paid);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.go(page);
                return !browser.driver().findElements(By.id("no-payee-" + paid)).isEmpty();
            });
            assertThat(browser.text("no-payee-" + paid)).startsWith("De indiener heeft geen rekeningnummer opgegeven.");
            browser.check("claims-queue-no-iban");
        }

        storePayoutDetails(wijk, cees);
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            logIn(browser, cees);
            browser.go("/claims");
            assertThat(browser.text("status-" + asked)).isEqualTo("De penningmeester heeft een vraag");
            assertThat(browser.text("notes-" + asked)).contains("Welke winkel was dit?");
            browser.click("answer-button-" + asked);
            assertThat(browser.text("answer-" + asked + "-error")).isEqualTo("Schrijf je antwoord op de vraag.");
            browser.check("claims-answer-empty");
            browser.type("answer-" + asked, "Bij de Jumbo op het plein.");
            browser.click("answer-button-" + asked);
            browser.find("done");
            assertThat(browser.text("notes-" + asked)).contains("Bij de Jumbo op het plein.");
            browser.check("claims-answered");
        }

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            logIn(browser, treasurer);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.go(page);
                return !browser.driver().findElements(By.id("approve-" + asked)).isEmpty()
                        && !browser.driver().findElements(By.id("payee-" + paid)).isEmpty();
            });
            assertThat(browser.text("claim-" + asked + "-notes")).contains("Bij de Jumbo op het plein.");
            assertThat(browser.text("payee-" + paid)).contains(IBAN).contains("WDK-" + paid);
            browser.check("claims-queue-payee");
            browser.click("paid-" + paid);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.go(page);
                return browser.driver().findElements(By.id("claim-" + paid)).isEmpty();
            });
        }

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            logIn(browser, auditor);
            browser.go("/");
            browser.click("books-" + initiative);
            browser.find("read-only");
            // The kascommissie never sees whom to pay, nor a form.
            assertThat(browser.driver().findElements(By.cssSelector("form"))).isEmpty();
            assertThat(browser.driver().getPageSource()).doesNotContain(IBAN);
            browser.click("to-books");
            assertThat(browser.heading()).isEqualTo("De boeken");
            assertThat(browser.text("payment-" + paid)).contains("met de hand");
            assertThat(browser.text("books-claim-" + asked)).contains("Ingediend");
            assertThat(browser.text("journal")).contains("assets:initiative:" + initiative + ":bank");
            assertThat(browser.driver().findElements(By.cssSelector("form"))).isEmpty();
            browser.check("claims-books-kascommissie");
        }
    }

    private void storePayoutDetails(OwnCommunity wijk, MemberId member) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth(member.value(), Neighbours.PASSWORD).exchange("/api/v1/communities/" + wijk.id
                        + "/members/me/payout-details", HttpMethod.PUT,
                new HttpEntity<>("{\"commandId\":\"%s\",\"iban\":\"%s\",\"accountHolder\":\"C. Cees\"}"
                        .formatted(Neighbours.unique("payout"), IBAN), headers), String.class).getStatusCode().value()).isEqualTo(200);
    }

    private static void logIn(Browser browser, MemberId who) {
        browser.go("/login");
        browser.type("username", who.value());
        browser.type("password", Neighbours.PASSWORD);
        browser.click("log-in");
        browser.waitFor().until(driver -> !driver.getCurrentUrl().contains("/login"));
    }
}
