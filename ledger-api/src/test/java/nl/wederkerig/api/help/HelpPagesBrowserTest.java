package nl.wederkerig.api.help;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Browser;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Help in hours between two neighbours, each in their own browser on a phone: Lotte writes down an
 * hour and a half of company for Mo; Mo confirms it from "Voor jou". Lotte writes down a quarter of
 * an hour more; Mo says that is not right. Only the confirmed hours count, and nothing about hours
 * reads like a debt. Every page passes axe-core and is kept as a screenshot.
 */
@EngineNeutral
@LedgerTest
class HelpPagesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void lotteRecordsHelpMoConfirmsOneAndDisputesTheOther() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "west");
        MemberId lotte = wijk.member("lotte");
        MemberId mo = wijk.member("mo");

        try (Browser lottes = Browser.open(base()); Browser mos = Browser.open(base())) {
            logIn(lottes, lotte);
            lottes.click("nav-help");
            assertThat(lottes.heading()).isEqualTo("Hulp in uren");
            lottes.check("help-01-lotte-help");
            lottes.type("receiver", mo.value());
            lottes.type("hours", "1,5");
            new Select(lottes.find("kind")).selectByValue("COMPANY");
            lottes.click("record");
            assertThat(lottes.text("done")).startsWith("De hulp is opgeschreven.");
            assertThat(lottes.text("help-list")).contains("Jij hielp " + mo.value() + ": 1 uur 30 min", "Wacht op antwoord");
            lottes.check("help-02-lotte-recorded");

            logIn(mos, mo);
            waitUntilShown(mos, "/", "confirm-help-1");
            assertThat(mos.text("waiting-1")).contains(lotte.value() + " zegt: ik heb jou 1 uur 30 min geholpen");
            mos.check("help-03-mo-voor-jou");
            mos.click("confirm-help-1");
            assertThat(mos.text("done")).isEqualTo("Opgeslagen: je zei dat het klopt.");
            mos.click("done-link");
            assertThat(mos.text("help-list")).contains(lotte.value() + " hielp jou: 1 uur 30 min", "Klopt");
            mos.check("help-04-mo-confirmed");

            lottes.type("receiver", mo.value());
            lottes.type("hours", "0.25");
            lottes.click("record");
            assertThat(lottes.text("help-list")).contains("Jij hielp " + mo.value() + ": 0 uur 15 min");

            waitUntilShown(mos, "/help", "help-list");
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                mos.go("/help");
                return !mos.driver().findElements(By.cssSelector("select[name=reason]")).isEmpty();
            });
            new Select(mos.driver().findElement(By.cssSelector("select[name=reason]"))).selectByValue("HOURS_WRONG");
            mos.driver().findElement(By.cssSelector("button[id^=dispute-help-]")).click();
            assertThat(mos.text("done")).isEqualTo("Opgeslagen: je zei dat het niet klopt.");
            assertThat(mos.text("help-list")).contains("Klopt niet volgens de ander");
            mos.check("help-05-mo-disputed");

            mos.go("/");
            assertThat(mos.text("hours-received")).as("only confirmed hours count").isEqualTo("1 uur 30 min");
            assertThat(mos.text("nothing-waiting")).isEqualTo("Er wacht nu niets op jou.");
            mos.go("/help");
            assertThat(mos.driver().findElement(By.tagName("main")).getText())
                    .as("hours never read like a debt").doesNotContain("€", "terugbetalen", "moet", "schuld ");
        }
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

    static void waitUntilShown(Browser browser, String path, String id) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
            browser.go(path);
            return !browser.driver().findElements(By.id(id)).isEmpty();
        });
    }
}
