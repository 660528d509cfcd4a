package nl.wederkerig.api.community;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Browser;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.community.CommunityName;
import nl.wederkerig.core.community.RoleKind;
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

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coordinator runs the wijk in a real browser on a phone, without curl: lands on the
 * coordinator's page, registers an initiative and a partner, gives and takes a role, sets the hour
 * valuation and the advance limit, records a partner's hours and reverses them. Each form is first
 * sent wrongly: a plain Dutch message beside the field, and no event stored. Every page passes axe-core.
 */
@EngineNeutral
@LedgerTest
class CoordinatorPagesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void aCoordinatorRunsTheWijkWithoutCurlAndBadInputStoresNothing() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "beheer", CommunityName.of("Middelland"));
        MemberId lotte = wijk.member("lotte");
        String initiative = Neighbours.unique("aanschuiven");
        String partner = Neighbours.unique("zorg");
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.go("/login");
            browser.type("username", wijk.coordinator.value());
            browser.type("password", Neighbours.PASSWORD);
            browser.click("log-in");
            browser.waitFor().until(ExpectedConditions.urlMatches(".*/coordinator$"));
            assertThat(browser.heading()).isEqualTo("Wijk beheren");
            assertThat(browser.text("wijk-name")).contains("Middelland");
            browser.check("coordinator");

            long communityEvents = wijk.events(wijk.id.value());
            browser.type("initiativeId", "Aan Schuiven!");
            browser.click("register-initiative");
            assertThat(browser.text("initiativeId-error")).startsWith("Gebruik alleen kleine letters");
            assertThat(browser.find("initiativeId").getAttribute("value")).isEqualTo("Aan Schuiven!");
            browser.check("coordinator-bad-initiative");
            assertThat(wijk.events(wijk.id.value())).isEqualTo(communityEvents);

            browser.type("initiativeId", initiative);
            new Select(browser.find("initiativeKind")).selectByValue("SHARED_MEALS");
            browser.click("register-initiative");
            assertThat(browser.text("done")).isEqualTo("Het initiatief is ingeschreven.");
            reloadUntil(browser, "initiatives", initiative);

            browser.type("partnerId", partner);
            new Select(browser.find("partnerKind")).selectByValue("CARE_ORGANISATION");
            browser.click("register-partner");
            assertThat(browser.text("done")).isEqualTo("De partner is ingeschreven.");
            reloadUntil(browser, "partners", partner);

            communityEvents = wijk.events(wijk.id.value());
            browser.type("roleMember", lotte.value());
            new Select(browser.find("roleKind")).selectByValue("TREASURER");
            browser.click("assign-role");
            assertThat(browser.text("roleScope-error")).isEqualTo("Vul het initiatief in waarvan deze buur penningmeester is.");
            browser.check("coordinator-bad-role");
            assertThat(wijk.events(wijk.id.value())).isEqualTo(communityEvents);
            browser.type("roleScope", initiative);
            browser.click("assign-role");
            assertThat(browser.text("done")).isEqualTo("De rol is gegeven.");
            reloadUntil(browser, "role-holders", lotte.value() + ": penningmeester van " + initiative);
            browser.type("roleMember", lotte.value());
            new Select(browser.find("roleKind")).selectByValue("TREASURER");
            browser.type("roleScope", initiative);
            browser.click("revoke-role");
            assertThat(browser.text("done")).isEqualTo("De rol is afgenomen.");

            browser.type("perHour", "twaalf");
            browser.click("set-valuation");
            assertThat(browser.text("perHour-error")).startsWith("Vul een bedrag in euro in");
            browser.type("perHour", "12,50");
            browser.click("set-valuation");
            assertThat(browser.text("valuationMethod-error")).isEqualTo("Kies hoe de waarde bepaald is.");
            browser.check("coordinator-bad-valuation-method");
            assertThat(wijk.events(wijk.id.value(), "nl.wederkerig.core.community.HourValuationSet")).isZero();
            browser.type("perHour", "12,50");
            browser.click("method-REPLACEMENT_VALUE");
            browser.click("set-valuation");
            assertThat(browser.text("done")).isEqualTo("De waarde van een uur is vastgelegd.");
            reloadUntil(browser, "valuation-history", "€ 12,50 per uur vervangingswaarde");

            browser.type("maxOpenAdvances", "0");
            browser.click("set-limit");
            assertThat(browser.text("maxOpenAdvances-error")).isEqualTo("Vul een getal van 1 tot 50 in.");
            browser.type("maxOpenAdvances", "5");
            browser.type("maxOpenTotal", "150.00");
            browser.click("set-limit");
            assertThat(browser.text("done")).isEqualTo("De grens voor voorschieten is vastgelegd.");
            browser.check("coordinator-done");

            browser.click("entries-" + partner);
            assertThat(browser.heading()).isEqualTo("Vastleggen voor " + partner);
            browser.check("coordinator-entries");
            browser.type("hours", "anderhalf");
            browser.click("record-hours");
            assertThat(browser.text("hours-error")).startsWith("Vul uren in");
            browser.check("coordinator-entries-bad-hours");
            assertThat(wijk.events(partner)).isZero();
            browser.type("hours", "1,5");
            browser.click("record-hours");
            assertThat(browser.text("done")).isEqualTo("Vastgelegd.");
            reloadUntil(browser, "entries", "1 uur 30 min gegeven, " + initiative);

            String entry = browser.driver().findElement(By.cssSelector("#entries > li")).getAttribute("id").substring("entry-".length());
            new Select(browser.find("reason-" + entry)).selectByValue("WRONG_AMOUNT");
            browser.click("reverse-" + entry);
            assertThat(browser.text("done")).startsWith("De regel is teruggedraaid.");
            reloadUntil(browser, "entry-" + entry, "(teruggedraaid)");
            browser.check("coordinator-entries-reversed");

            browser.type("moneyAmount", "12,50");
            browser.click("record-money");
            assertThat(browser.text("done")).isEqualTo("Vastgelegd.");
            reloadUntil(browser, "entries", "€ 12,50 teruggekregen");
        }
    }

    /**
     * The roles form offers every role the API's RoleChange takes (all but neighbour, which comes
     * with registration); the kascommissie of an initiative given on the page reaches that
     * initiative's books read-only, and taken away on the page no longer does.
     */
    @Test
    void aCoordinatorGivesAndTakesTheKascommissieOnThePage() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "kascie");
        MemberId kees = wijk.member("kees");
        InitiativeId initiative = wijk.initiative("buurtmaal");
        String books = "/initiatives/" + initiative.value() + "/treasury";
        try (Browser coordinator = Browser.open("http://localhost:" + port)) {
            logIn(coordinator, wijk.coordinator);
            coordinator.go("/coordinator");
            assertThat(new Select(coordinator.find("roleKind")).getOptions().stream().map(option -> option.getAttribute("value")))
                    .as("every role the API hands out").containsExactlyInAnyOrderElementsOf(
                            Arrays.stream(RoleKind.values()).filter(kind -> kind != RoleKind.NEIGHBOUR).map(Enum::name).toList());

            long communityEvents = wijk.events(wijk.id.value());
            coordinator.type("roleMember", kees.value());
            new Select(coordinator.find("roleKind")).selectByValue("AUDITOR");
            coordinator.click("assign-role");
            assertThat(coordinator.text("roleScope-error")).isEqualTo("Vul het initiatief in waarvan deze buur in de kascommissie zit.");
            assertThat(wijk.events(wijk.id.value())).isEqualTo(communityEvents);
            coordinator.type("roleScope", initiative.value());
            coordinator.click("assign-role");
            assertThat(coordinator.text("done")).isEqualTo("De rol is gegeven.");
            reloadUntil(coordinator, "role-holders", kees.value() + ": kascommissie van " + initiative.value());
            coordinator.check("coordinator-kascommissie-given");

            try (Browser auditor = Browser.open("http://localhost:" + port)) {
                logIn(auditor, kees);
                auditor.go(books);
                auditor.find("read-only");
                assertThat(auditor.driver().findElements(By.cssSelector("main form"))).as("the kascommissie changes nothing").isEmpty();
                auditor.check("kascommissie-books");

                coordinator.type("roleMember", kees.value());
                new Select(coordinator.find("roleKind")).selectByValue("AUDITOR");
                coordinator.type("roleScope", initiative.value());
                coordinator.click("revoke-role");
                assertThat(coordinator.text("done")).isEqualTo("De rol is afgenomen.");
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
                    auditor.go(books);
                    return auditor.driver().findElements(By.id("read-only")).isEmpty();
                });
                assertThat(auditor.driver().findElements(By.id("difference"))).as("no books once taken away").isEmpty();
            }
        }
    }

    /**
     * A departure from the coordinator's list of members: a confirmation page first, where sending
     * without ticking "Ja, … is vertrokken" stores nothing; ticked, the member shows as left with
     * the date. The page is also in English.
     */
    @Test
    void aCoordinatorRecordsADepartureAfterConfirmingIt() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "vertrek");
        MemberId mo = wijk.member("mo");
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            logIn(browser, wijk.coordinator);
            browser.go("/coordinator");
            browser.click("to-members");
            browser.check("coordinator-members-list");
            browser.click("depart-" + mo.value());
            assertThat(browser.heading()).isEqualTo("Vertrek van " + mo.value() + " vastleggen");
            browser.check("coordinator-departure");

            long communityEvents = wijk.events(wijk.id.value());
            browser.click("record-departure");
            assertThat(browser.text("confirmed-error")).isEqualTo("Vink het vakje aan als " + mo.value() + " echt vertrokken is.");
            browser.check("coordinator-departure-unconfirmed");
            assertThat(wijk.events(wijk.id.value())).as("nothing stored without the tick").isEqualTo(communityEvents);

            browser.click("confirmed");
            browser.click("record-departure");
            assertThat(browser.text("done")).isEqualTo("Het vertrek is vastgelegd. In de lijst staat de datum.");
            assertThat(wijk.events(wijk.id.value(), "nl.wederkerig.core.community.MemberDeregistered")).isEqualTo(1);
            String today = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag("nl"))
                    .format(LocalDate.now(clock));
            reloadUntil(browser, "left-" + mo.value(), "Vertrokken op " + today);
            assertThat(browser.driver().findElements(By.id("depart-" + mo.value()))).isEmpty();
            browser.check("coordinator-members-left");

            browser.go("/coordinator/members/" + mo.value() + "/departure?lang=en");
            assertThat(browser.heading()).isEqualTo("Record that " + mo.value() + " left");
            assertThat(browser.text("already-left")).startsWith(mo.value() + " left on ");
            assertThat(browser.driver().findElements(By.id("record-departure"))).isEmpty();
        }
    }

    private static void logIn(Browser browser, MemberId who) {
        browser.go("/login");
        browser.type("username", who.value());
        browser.type("password", Neighbours.PASSWORD);
        browser.click("log-in");
        browser.waitFor().until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    @Test
    void aNeighbourGetsNoCoordinatorPage() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "beheer");
        MemberId neighbour = wijk.member("bram");
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.go("/login");
            browser.type("username", neighbour.value());
            browser.type("password", Neighbours.PASSWORD);
            browser.click("log-in");
            browser.find("owed-to-me");
            browser.go("/coordinator");
            assertThat(browser.driver().findElements(By.id("register-initiative"))).isEmpty();
        }
    }

    /** Read models follow the events within moments: reload until the page shows {@code text}. */
    private static void reloadUntil(Browser browser, String id, String text) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var shown = browser.driver().findElements(By.id(id));
            if (!shown.isEmpty() && shown.get(0).getText().replace('\u00a0', ' ').contains(text)) {
                return true;
            }
            browser.driver().navigate().refresh();
            return false;
        });
    }
}
