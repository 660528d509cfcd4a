package nl.wederkerig.api.reciprocity;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.Browser;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.community.CommunityName;
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
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner's representative logs in, lands on the partner's page (not a neighbour's empty
 * overview), and sees in tables and charts what the wijk gave and got back, with small counts
 * shielded; then chooses other periods, one of them wrongly. Every page passes axe-core on a phone.
 */
@EngineNeutral
@LedgerTest
class PartnerPagesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    final LocalDate today = LocalDate.now(LedgerTime.ZONE);

    Wijk wijkWithEntries() {
        return Wijk.withEntries(commands, accounts, jdbc);
    }

    @Test
    void aRepresentativeLandsOnThePartnerPageAndSeesTablesChartsAndNoPerson() {
        Wijk wijk = wijkWithEntries();
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.go("/");
            browser.waitFor().until(ExpectedConditions.urlContains("/login"));
            browser.type("username", wijk.representative().value());
            browser.type("password", Neighbours.PASSWORD);
            browser.click("log-in");

            browser.waitFor().until(ExpectedConditions.urlContains("/partners/" + wijk.partner()));
            assertThat(browser.heading()).isEqualTo("Wederkerigheid met " + wijk.partner());
            assertThat(browser.text("community")).contains("Oud-Mathenesse");
            // 6 × 90 min + 60 min = 10 hours at €12.00; €20.00 back.
            assertThat(browser.text("compare-hours")).contains("10 uur");
            assertThat(browser.text("compare-hours-value")).contains("€ 120,00");
            assertThat(browser.text("compare-money")).contains("€ 20,00");
            assertThat(browser.text("compare-balance")).contains("100,00");
            assertThat(browser.text("compare-service-meal")).contains("7");
            assertThat(browser.text("compare-hours-entries")).contains("7");
            // Per initiative: the one-hour initiative shows "< 5", and the other count is hidden, else 7 − 6 = 1.
            String initiatives = browser.text("initiatives");
            assertThat(initiatives).contains(wijk.help() + " 1 uur (< 5)").contains(wijk.meals() + " 9 uur (verborgen)");
            assertThat(initiatives).doesNotContain("(6)");
            assertThat(browser.text("valuation-in-force")).contains("€ 12,00")
                    .endsWith("Manier van waarderen: vast bedrag, afgesproken met de partner.");
            assertThat(browser.find("download-pdf").getAttribute("href"))
                    .endsWith("/partners/" + wijk.partner() + "/statement.pdf?period=year&on=" + today.withDayOfYear(1));
            // The charts come from the Chart.js webjar, drawn from the tables.
            browser.waitFor().until(driver -> "drawn".equals(driver.findElement(By.tagName("html")).getAttribute("data-charts")));
            assertThat(browser.driver().findElements(By.cssSelector("canvas"))).hasSize(3);
            browser.check("partner-year");

            String page = browser.driver().getPageSource();
            for (MemberId person : wijk.people()) {
                assertThat(page).as("the partner page names " + person).doesNotContain(person.value());
            }

            browser.driver().findElement(By.cssSelector("#period option[value=month]")).click();
            browser.click("show-period");
            browser.waitFor().until(ExpectedConditions.urlContains("period=month"));
            assertThat(browser.text("comparison")).contains("vorige periode van dezelfde lengte");
            assertThat(browser.find("compare-hours").findElement(By.className("before")).getText()).isEqualTo("0 uur");
            browser.check("partner-month");

            browser.driver().findElement(By.cssSelector("#period option[value=custom]")).click();
            browser.type("from", "31-02-2026");
            browser.type("to", "2026-12-31");
            browser.click("show-period");
            assertThat(browser.text("from-error")).isEqualTo("Dit is geen datum. Schrijf bijvoorbeeld 31-12-2026.");
            assertThat(browser.driver().findElements(By.id("comparison"))).isEmpty();
            browser.check("partner-bad-period");
        }
    }

    @Test
    void aRepresentativeSeesNoOtherPartnerAndANeighbourNoPartnerAtAll() {
        Wijk wijk = wijkWithEntries();
        PartnerId other = wijk.community().partner("gemeente");
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            logIn(browser, wijk.representative());
            browser.waitFor().until(ExpectedConditions.urlContains("/partners/" + wijk.partner()));
            browser.go("/partners/" + other);
            assertThat(browser.driver().findElements(By.id("comparison"))).isEmpty();
            assertThat(browser.driver().getPageSource()).doesNotContain("€ 20,00");
        }
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            logIn(browser, wijk.neighbour());
            browser.find("owed-to-me");
            browser.go("/partners/" + wijk.partner());
            assertThat(browser.driver().findElements(By.id("comparison"))).isEmpty();
        }
    }

    private static void logIn(Browser browser, MemberId who) {
        browser.go("/login");
        browser.type("username", who.value());
        browser.type("password", Neighbours.PASSWORD);
        browser.click("log-in");
    }
}
