package nl.wederkerig.api.advances;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two neighbours, each in a browser of their own on a phone-sized window, take an advance from
 * start to end: Lotte writes down that she paid €50 for Mo; Mo finds it under "Voor jou" and says
 * it is right; Mo pays back €20 and then €30; Lotte confirms both from "Voor jou"; the page "Met
 * elke buur" shows them quits at € 0,00 for both. Every page either of them sees passes axe-core,
 * fits the phone and is kept as a screenshot under target/screenshots.
 */
@EngineNeutral
@LedgerTest
class AdvancePagesBrowserTest {

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
    void lotteAdvancesMoPaysBackInTwoPartsAndTheyAreQuits() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "west");
        MemberId lotte = wijk.member("lotte");
        MemberId mo = wijk.member("mo");

        try (Browser lottes = Browser.open(base()); Browser mos = Browser.open(base())) {
            logIn(lottes, lotte);
            lottes.check("advances-01-lotte-overview");
            lottes.click("nav-advances");
            assertThat(lottes.heading()).isEqualTo("Voorschieten");
            lottes.check("advances-02-lotte-advances");
            lottes.type("borrower", mo.value());
            lottes.type("amount", "50");
            lottes.click("make");

            assertThat(lottes.heading()).isEqualTo("Voorgeschoten aan " + mo.value());
            assertThat(lottes.text("done")).contains("opgeschreven");
            assertThat(lottes.text("outstanding")).isEqualTo("€ 50,00");
            assertThat(lottes.text("status")).isEqualTo("Wacht op antwoord");
            assertThat(lottes.text("history")).contains("jij schoot € 50,00 voor, voor boodschappen.");
            lottes.check("advances-03-lotte-advance-made");

            logIn(mos, mo);
            waitUntilShown(mos, "/", "waiting-1");
            assertThat(mos.text("waiting-1")).contains(lotte.value() + " zegt: ik heb € 50,00 voor jou betaald");
            mos.check("advances-04-mo-voor-jou");
            // With JavaScript the one tap swaps only "Voor jou" (htmx): the page itself is not loaded again.
            mos.mark();
            mos.click("acknowledge-1");
            assertThat(mos.text("done")).isEqualTo("Opgeslagen: je zei dat het klopt.");
            assertThat(mos.text("nothing-waiting")).isEqualTo("Er wacht nu niets op jou.");
            assertThat(mos.samePage()).as("Voor jou swapped in place").isTrue();
            mos.check("advances-04b-mo-voor-jou-answered");
            mos.click("done-link");

            assertThat(mos.text("status")).isEqualTo("Klopt, wordt terugbetaald");
            mos.check("advances-05-mo-acknowledged");
            // A wrong amount: the message beside the field, swapped in, nothing stored.
            mos.mark();
            mos.type("reimburseAmount", "20,005");
            mos.click("reimburse");
            assertThat(mos.text("reimburseAmount-error")).isNotBlank();
            assertThat(mos.text("outstanding")).isEqualTo("€ 50,00");
            assertThat(mos.samePage()).as("the form came back in place").isTrue();
            mos.check("advances-05b-mo-wrong-amount");
            mos.type("reimburseAmount", "20,00");
            mos.click("reimburse");
            assertThat(mos.text("outstanding")).isEqualTo("€ 30,00");
            assertThat(mos.samePage()).as("the reimbursement swapped only the advance's state").isTrue();
            mos.type("reimburseAmount", "30.00");
            mos.click("reimburse");
            assertThat(mos.text("outstanding")).isEqualTo("€ 0,00");
            assertThat(mos.text("status")).isEqualTo("Helemaal terugbetaald");
            assertThat(mos.text("history")).contains("jij betaalde € 20,00 terug.", "jij betaalde € 30,00 terug.",
                    "Daarna nog open: € 30,00", "Daarna nog open: € 0,00");
            mos.check("advances-06-mo-paid-back");

            waitUntilShown(lottes, "/", "waiting-2");
            assertThat(lottes.text("waiting-1")).contains(mo.value() + " zegt: ik heb je € 20,00 terugbetaald");
            assertThat(lottes.text("waiting-2")).contains("€ 30,00");
            lottes.check("advances-07-lotte-voor-jou");
            lottes.mark();
            lottes.click("confirm-1");
            assertThat(lottes.text("done")).isEqualTo("Opgeslagen: je hebt het geld gekregen.");
            assertThat(lottes.text("waiting-1")).contains("€ 30,00");
            lottes.check("advances-07b-lotte-confirmed-one");
            lottes.click("confirm-1");
            assertThat(lottes.text("nothing-waiting")).isEqualTo("Er wacht nu niets op jou.");
            assertThat(lottes.samePage()).as("both confirmations swapped only Voor jou").isTrue();
            lottes.click("done-link");
            assertThat(lottes.text("history")).contains(mo.value() + " zei: dit klopt.",
                    "jij bevestigde: € 20,00 ontvangen.", "jij bevestigde: € 30,00 ontvangen.");
            lottes.check("advances-08-lotte-confirmed");
            lottes.go("/");
            assertThat(lottes.text("nothing-waiting")).isEqualTo("Er wacht nu niets op jou.");

            lottes.click("nav-neighbours");
            assertThat(lottes.text("net-" + mo.value())).isEqualTo("Jij en " + mo.value() + " zijn quitte: € 0,00");
            lottes.check("advances-09-lotte-with-each-neighbour");
            mos.go("/neighbours");
            assertThat(mos.text("net-" + lotte.value())).isEqualTo("Jij en " + lotte.value() + " zijn quitte: € 0,00");
            mos.check("advances-10-mo-with-each-neighbour");
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

    /** The other neighbour's page follows the events a moment later: load it again until it shows. */
    static void waitUntilShown(Browser browser, String path, String id) {
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(300)).until(() -> {
            browser.go(path);
            return !browser.driver().findElements(By.id(id)).isEmpty();
        });
    }
}
