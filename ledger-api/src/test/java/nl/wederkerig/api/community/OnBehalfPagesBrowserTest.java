package nl.wederkerig.api.community;

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
 * Issue 12, flow 10, in real browsers on a phone: the coordinator writes down that Mrs X (who has no
 * phone) paid €20 for Mo; Mrs X later signs in at the community centre and sees on the advance's
 * page that the coordinator recorded it on her behalf, with what to do when it is wrong. She then
 * names Mo as her helper under "Mijn account", and Mo's advance form offers to record for her.
 * Every page passes axe-core.
 */
@EngineNeutral
@LedgerTest
class OnBehalfPagesBrowserTest {

    static final Duration CATCH_UP = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCoordinatorRecordsAnAdvanceForANeighbourWhoThenSeesItWasOnHerBehalf() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "namens");
        MemberId mrsX = wijk.member("mrsx");
        MemberId mo = wijk.member("mo");

        try (Browser coordinator = Browser.open(base()); Browser hers = Browser.open(base()); Browser mos = Browser.open(base())) {
            logIn(coordinator, wijk.coordinator);
            coordinator.waitFor().until(ExpectedConditions.urlMatches(".*/coordinator$"));
            coordinator.go("/advances");
            coordinator.check("onbehalf-01-coordinator-advances");
            new Select(coordinator.find("onBehalfOf")).selectByValue(mrsX.value());
            coordinator.type("borrower", mo.value());
            coordinator.type("amount", "20");
            coordinator.click("make");

            assertThat(coordinator.heading()).isEqualTo("Voorgeschoten door " + mrsX.value() + " aan " + mo.value());
            assertThat(coordinator.text("recorded-by")).isEqualTo("Jij hebt dit vastgelegd namens " + mrsX.value() + ".");
            assertThat(coordinator.text("history")).contains(mrsX.value() + " schoot € 20,00 voor, voor boodschappen.",
                    "Vastgelegd door jij.");
            assertThat(coordinator.driver().findElements(By.id("cancel"))).as("no party, so no steps").isEmpty();
            coordinator.check("onbehalf-02-coordinator-recorded");
            String advancePage = coordinator.driver().getCurrentUrl().replaceFirst("^http://[^/]+", "").replaceFirst("\\?.*$", "");

            logIn(hers, mrsX);
            hers.check("onbehalf-03-mrsx-overview");
            hers.go(advancePage);
            assertThat(hers.heading()).isEqualTo("Voorgeschoten aan " + mo.value());
            assertThat(hers.text("recorded-by")).startsWith("Vastgelegd door " + wijk.coordinator.value() + " namens jou.");
            assertThat(hers.text("history")).contains("jij schoot € 20,00 voor, voor boodschappen. Vastgelegd door "
                    + wijk.coordinator.value() + ".");
            // It is hers: she may withdraw it while Mo has not answered.
            assertThat(hers.find("cancel").isDisplayed()).isTrue();
            hers.check("onbehalf-04-mrsx-advance-namens-jou");

            hers.go("/account");
            hers.click("helpers-link");
            hers.check("onbehalf-05-mrsx-helpers");
            hers.type("helper", mo.value());
            hers.click("name-helper");
            assertThat(hers.text("helper-" + mo.value())).startsWith(mo.value() + " mag voor jou opschrijven.");
            hers.check("onbehalf-06-mrsx-helper-named");

            logIn(mos, mo);
            // Mo answers for the advance: "Voor jou" says who typed it in, and for whom.
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(300)).until(() -> {
                mos.go("/");
                return !mos.driver().findElements(By.id("recorded-by-1")).isEmpty();
            });
            assertThat(mos.text("waiting-1")).contains(mrsX.value() + " zegt: ik heb € 20,00 voor jou betaald");
            assertThat(mos.text("recorded-by-1")).isEqualTo("Vastgelegd door " + wijk.coordinator.value() + " namens " + mrsX.value() + ".");
            mos.check("onbehalf-06b-mo-voor-jou-namens");
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(300)).until(() -> {
                mos.go("/advances");
                return !mos.driver().findElements(By.id("onBehalfOf")).isEmpty();
            });
            assertThat(new Select(mos.find("onBehalfOf")).getOptions()).extracting(option -> option.getAttribute("value"))
                    .containsExactly("", mrsX.value());
            mos.check("onbehalf-07-mo-advances-namens");
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
        browser.waitFor().until(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/login.*")));
    }
}
