package nl.wederkerig.api.errands;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Browser;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.StoredEvents;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An errand with entrusted cash in two browsers: Mo hands Lotte €50; both see who holds it; Lotte
 * spends €43.20 (a report without the receipt number is refused beside the field, nothing stored)
 * and hands back €6.80 from "Voor jou"; then an errand where she spends more than she got, reported
 * with a photo of the receipt, shows the advance the difference became and a link to the photo, for both. Every page passes axe-core and is kept as a screenshot.
 */
@EngineNeutral
@LedgerTest
class ErrandPagesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void moHandsLotteCashSheReportsAndHandsBackTheChange() throws IOException {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "west");
        Path photo = Files.createTempFile("bon-", ".jpg");
        Files.write(photo, ErrandReceiptHttpTest.photo());
        MemberId lotte = wijk.member("lotte");
        MemberId mo = wijk.member("mo");

        try (Browser mos = Browser.open(base()); Browser lottes = Browser.open(base())) {
            logIn(mos, mo);
            mos.click("nav-errands");
            assertThat(mos.heading()).isEqualTo("Boodschappen met meegegeven geld");
            mos.check("errands-01-mo");
            start(mos, lotte, "50");
            assertThat(mos.text("done")).isEqualTo("De boodschap is opgeschreven.");
            assertThat(mos.text("others-hold")).isEqualTo("€ 50,00");
            mos.check("errands-02-mo-started");

            logIn(lottes, lotte);
            waitUntil(lottes, "/errands", "i-hold", "€ 50,00");
            WebElement mine = lottes.find("errand-list");
            String errand = mine.findElement(By.cssSelector("li")).getAttribute("id").substring("errand-".length());
            assertThat(lottes.text("cash-" + errand)).isEqualTo("Jij hebt nog € 50,00 van " + mo.value() + ".");
            lottes.check("errands-03-lotte");

            lottes.type("spent-" + errand, "43,20");
            long before = StoredEvents.onceQuiet(jdbc);
            lottes.click("report-" + errand);
            assertThat(lottes.text("receipt-" + errand + "-error")).isEqualTo("Er ontbreekt een bon.");
            assertThat(StoredEvents.count(jdbc)).as("nothing stored").isEqualTo(before);
            assertThat(lottes.find("spent-" + errand).getAttribute("value")).as("what was typed is kept").isEqualTo("43,20");
            lottes.check("errands-04-lotte-receipt-missing");
            lottes.type("receipt-" + errand, "AH-0042");
            lottes.click("report-" + errand);
            assertThat(lottes.text("done")).isEqualTo("De uitgaven zijn opgeschreven.");
            assertThat(lottes.text("cash-" + errand)).isEqualTo("Jij hebt nog € 6,80 van " + mo.value() + ".");

            lottes.go("/");
            assertThat(lottes.text("waiting-1")).contains("Geef € 6,80 wisselgeld terug aan " + mo.value());
            lottes.check("errands-05-lotte-voor-jou");
            lottes.click("return-change-1");
            assertThat(lottes.text("done")).isEqualTo("Opgeslagen: het wisselgeld is terug. Alles klopt.");
            assertThat(lottes.text("i-hold")).isEqualTo("€ 0,00");

            waitUntil(mos, "/errands", "others-hold", "€ 0,00");
            start(mos, lotte, "10");
            waitUntil(lottes, "/errands", "i-hold", "€ 10,00");
            // The only errand still waiting for her report: the first one is done.
            String second = lottes.find("errand-list").findElement(By.cssSelector("input[id^='spent-']")).getAttribute("id")
                    .substring("spent-".length());
            // This time a photo of the receipt instead of its number, straight from the phone's camera.
            assertThat(lottes.find("receipt-file-" + second).getAttribute("accept")).isEqualTo("image/*,application/pdf");
            assertThat(lottes.find("receipt-file-" + second).getAttribute("capture")).isEqualTo("environment");
            lottes.type("spent-" + second, "13.10");
            lottes.find("receipt-file-" + second).sendKeys(photo.toAbsolutePath().toString());
            lottes.click("report-" + second);
            assertThat(lottes.text("cash-" + second))
                    .isEqualTo("Je gaf € 3,10 meer uit dan je meekreeg. Dat is een voorschot: " + mo.value() + " betaalt het jou terug.");
            String receipt = "/api/v1/communities/" + wijk.id + "/errands/" + second + "/receipts/1";
            assertThat(lottes.find("receipt-of-" + second).getAttribute("href")).endsWith(receipt);
            assertThat(lottes.text("receipt-of-" + second)).isEqualTo("Bekijk de bon");
            lottes.check("errands-06-lotte-overspent");
            lottes.click("advance-of-" + second);
            assertThat(lottes.text("outstanding")).isEqualTo("€ 3,10");
            assertThat(lottes.text("history")).contains("meer uit dan het meegegeven geld");
            lottes.check("errands-07-lotte-overspend-advance");

            waitUntil(mos, "/errands", "cash-" + second,
                    lotte.value() + " gaf € 3,10 meer uit dan je meegaf. Dat is een voorschot: jij betaalt het " + lotte.value() + " terug.");
            assertThat(mos.find("receipt-of-" + second).getAttribute("href")).endsWith(receipt);
            mos.check("errands-08-mo-overspent");
        } finally {
            Files.deleteIfExists(photo);
        }
    }

    private static void start(Browser browser, MemberId helper, String amount) {
        browser.click("role-asker");
        browser.type("other", helper.value());
        browser.type("entrusted", amount);
        browser.click("start");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    static void logIn(Browser browser, MemberId who) {
        browser.go("/login");
        browser.type("username", who.value());
        browser.type("password", Neighbours.PASSWORD);
        browser.click("log-in");
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
    }

    /** The other neighbour's page follows the events a moment later: load it again until it shows. */
    static void waitUntil(Browser browser, String path, String id, String text) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
            browser.go(path);
            return browser.driver().findElements(By.id(id)).stream()
                    .anyMatch(element -> element.getText().replace('\u00a0', ' ').trim().equals(text));
        });
    }
}
