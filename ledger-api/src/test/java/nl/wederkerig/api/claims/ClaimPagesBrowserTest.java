package nl.wederkerig.api.claims;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Browser;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.claims.ApproveClaim;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Vera claims back € 12,50 for the meals initiative with a photo of the receipt, from the form on
 * a phone-sized screen: without a file she is told beside the field and nothing is stored; with it
 * the claim shows as submitted with a link to its receipt, and as approved once the treasurer
 * approved it; the treasurer's page links the receipt too. Every page passes axe-core.
 */
@EngineNeutral
@LedgerTest
class ClaimPagesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void veraClaimsWithAPhotoOfTheReceiptAndSeesItsStatus() throws IOException {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "bonnen");
        MemberId vera = wijk.member("vera");
        MemberId tessa = wijk.member("tessa");
        InitiativeId meals = wijk.initiative("aanschuiven");
        wijk.treasurer(tessa, meals);
        Path photo = Files.createTempFile("bon-", ".jpg");
        Files.write(photo, ReceiptImages.photoWithExif(2000, 1500));
        long rowsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM claim_receipt", Long.class);
        String claim;

        try (Browser browser = Browser.open("http://localhost:" + port, "nl", Browser.SMALL_PHONE)) {
            logIn(browser, vera);
            browser.click("nav-claims");
            assertThat(browser.heading()).isEqualTo("Declaraties");
            assertThat(browser.text("no-claims")).isEqualTo("Je hebt nog geen declaraties.");
            assertThat(browser.find("receipt").getAttribute("accept")).isEqualTo("image/*,application/pdf");
            assertThat(browser.find("receipt").getAttribute("capture")).isEqualTo("environment");
            browser.check("claims-01-empty");

            new Select(browser.find("initiative")).selectByValue(meals.value());
            browser.type("amount", "12,50");
            browser.click("submit");
            assertThat(browser.text("receipt-error")).isEqualTo("Voeg een foto of PDF van de bon toe.");
            assertThat(browser.find("amount").getAttribute("value")).as("what was typed is kept").isEqualTo("12,50");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim_receipt", Long.class)).isEqualTo(rowsBefore);
            browser.check("claims-02-receipt-missing");

            // A photo over the 5 MB limit: back to the form with a message beside the file field, nothing kept.
            Path tooLarge = Files.createTempFile("groot-", ".jpg");
            Files.write(tooLarge, ReceiptTooLargeHttpTest.overLimit());
            browser.find("receipt").sendKeys(tooLarge.toAbsolutePath().toString());
            browser.click("submit");
            assertThat(browser.text("receipt-error")).startsWith("Deze foto is te groot.");
            assertThat(browser.heading()).isEqualTo("Declaraties");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim_receipt", Long.class)).isEqualTo(rowsBefore);
            browser.check("claims-02b-photo-too-large");
            Files.delete(tooLarge);

            new Select(browser.find("initiative")).selectByValue(meals.value());
            browser.type("amount", "12,50");
            browser.find("receipt").sendKeys(photo.toAbsolutePath().toString());
            browser.click("submit");
            assertThat(browser.text("done")).isEqualTo("Je declaratie is ingediend. De penningmeester kijkt ernaar.");
            claim = browser.find("claim-list").findElement(By.cssSelector("li")).getAttribute("id").substring("claim-".length());
            assertThat(browser.text("status-" + claim)).isEqualTo("Ingediend, wacht op de penningmeester");
            assertThat(browser.find("receipt-" + claim + "-1").getAttribute("href"))
                    .endsWith("/initiatives/" + meals + "/claims/" + claim + "/receipts/1");
            browser.check("claims-03-submitted");

            commands.sendAndWait(new ApproveClaim(ClaimId.of(claim), CommandId.of(Neighbours.unique("ok")), LocalDate.now(), tessa));
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
                browser.go("/claims");
                return browser.text("status-" + claim).equals("Goedgekeurd, wordt betaald");
            });
            browser.check("claims-04-approved");

            // The receipt itself: the browser's session is let in, and it is the scaled photo.
            browser.click("receipt-" + claim + "-1");
            browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.tagName("img")));
            Number width = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return document.images[0].naturalWidth;");
            assertThat(width.intValue()).isEqualTo(ReceiptScans.MAX_SIDE_PX);
        }

        try (Browser browser = Browser.open("http://localhost:" + port, "nl", Browser.SMALL_PHONE)) {
            logIn(browser, tessa);
            browser.go("/initiatives/" + meals + "/treasury");
            assertThat(browser.find("claim-" + claim + "-receipt-1").getAttribute("href"))
                    .endsWith("/initiatives/" + meals + "/claims/" + claim + "/receipts/1");
            browser.check("claims-05-treasurer-queue");
        }
        Files.deleteIfExists(photo);
    }

    static void logIn(Browser browser, MemberId who) {
        browser.go("/login");
        browser.type("username", who.value());
        browser.type("password", Neighbours.PASSWORD);
        browser.click("log-in");
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
    }
}
