package nl.wederkerig.api.trust;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.Browser;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.PageSession;
import nl.wederkerig.core.advances.AcknowledgeAdvance;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.trust.TrustHistories;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Mijn geschiedenis" in two browsers: Lotte reads her history in words, shares it with Mo and sees
 * him in the list of who can see it; Mo reads it; a third neighbour gets nothing (404, as for a
 * neighbour who does not exist); Lotte stops sharing and Mo no longer sees it.
 */
@EngineNeutral
@LedgerTest
class TrustPagesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TrustHistories histories;

    @Test
    void lotteSharesHerHistoryWithMoAndStopsAgain() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "west");
        MemberId lotte = wijk.member("lotte");
        MemberId mo = wijk.member("mo");
        MemberId kees = wijk.member("kees");
        LocalDate day = LocalDate.now(LedgerTime.ZONE).minusDays(4);
        AdvanceId advance = AdvanceId.of(Neighbours.unique("adv"));
        commands.sendAndWait(new MakeAdvance(advance, wijk.id, lotte, mo, Money.eur("20.00"), Purpose.GROCERIES, day, lotte));
        commands.sendAndWait(new AcknowledgeAdvance(advance, CommandId.of(Neighbours.unique("k")), day, mo));
        commands.sendAndWait(new ReimburseAdvance(advance, CommandId.of(Neighbours.unique("r")), Money.eur("20.00"), day.plusDays(2), mo));
        await().atMost(Duration.ofSeconds(15)).until(() -> histories.of(wijk.id, lotte).given().settled() == 1);

        try (Browser lottes = Browser.open(base()); Browser mos = Browser.open(base())) {
            logIn(lottes, lotte);
            lottes.click("nav-history");
            assertThat(lottes.heading()).isEqualTo("Mijn geschiedenis");
            assertThat(lottes.text("story")).contains(
                    "Jij schoot 1 keer geld voor, samen € 20,00. Helemaal terugbetaald: 1 keer. Meestal duurde dat 2 dagen, het langst 2 dagen.",
                    "Niemand heeft nog geld voor jou voorgeschoten.", "Met 1 verschillende buren.");
            assertThat(lottes.text("no-viewers")).isEqualTo("Alleen jij. Je deelt het met niemand.");
            lottes.check("history-01-lotte");
            lottes.type("viewer", mo.value());
            lottes.click("share");
            assertThat(lottes.text("done")).startsWith("Gedeeld.");
            assertThat(lottes.text("viewer-" + mo.value())).startsWith(mo.value() + " kan jouw geschiedenis zien.");
            lottes.check("history-02-lotte-shared");

            logIn(mos, mo);
            mos.click("nav-history");
            mos.click("history-of-" + lotte.value());
            assertThat(mos.heading()).isEqualTo("De geschiedenis van " + lotte.value());
            assertThat(mos.text("story")).contains("1 keer geld voorgeschoten, samen € 20,00. Helemaal terugbetaald: 1 keer.");
            mos.check("history-03-mo-reads-lottes");

            PageSession keess = PageSession.logIn(port, kees);
            assertThat(keess.get("/history/" + lotte.value()).statusCode()).as("not shared with kees").isEqualTo(404);
            assertThat(keess.get("/history/nobody-at-all").statusCode()).as("nobody").isEqualTo(404);

            lottes.click("stop-" + mo.value());
            assertThat(lottes.text("done")).startsWith("Gestopt.");
            assertThat(lottes.text("no-viewers")).isEqualTo("Alleen jij. Je deelt het met niemand.");
            assertThat(PageSession.logIn(port, mo).get("/history/" + lotte.value()).statusCode()).isEqualTo(404);
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
}
