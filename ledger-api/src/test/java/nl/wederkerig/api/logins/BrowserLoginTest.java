package nl.wederkerig.api.logins;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.support.Browser;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.balances.AdvanceBalances;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One real browser (headless Chromium, on a phone-sized window) walks the way a neighbour does:
 * open the site, get sent to the log-in form, log in, see their own balance, log out. Every page
 * it sees passes axe-core and fits the phone ({@link Browser#check}).
 */
@EngineNeutral
@LedgerTest
class BrowserLoginTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    AdvanceBalances balances;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void aNeighbourIsSentToLogInLogsInAndSeesTheirOwnBalance() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "west");
        MemberId amina = wijk.member("amina");
        MemberId bram = wijk.member("bram");
        commands.sendAndWait(new MakeAdvance(AdvanceId.of(Neighbours.unique("adv")), wijk.id, amina, bram, Money.eur("43.20"),
                Purpose.GROCERIES, LocalDate.now(clock), amina));
        await().atMost(Duration.ofSeconds(10)).until(() -> balances.balanceOf(wijk.id, amina).owedToMe().cents() == 4320);

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.go("/");
            browser.waitFor().until(ExpectedConditions.urlContains("/login"));
            assertThat(browser.heading()).isEqualTo("Inloggen");
            browser.check("login");

            browser.type("username", amina.value());
            browser.type("password", Neighbours.PASSWORD);
            browser.click("log-in");

            assertThat(browser.heading()).isEqualTo("Mijn overzicht");
            assertThat(browser.text("owed-to-me")).isEqualTo("€ 43,20");
            assertThat(browser.text("i-owe")).isEqualTo("€ 0,00");
            assertThat(browser.text("open-advances")).isEqualTo("1");
            assertThat(browser.text("who")).contains(amina.value());
            browser.check("overview");

            browser.click("log-out");
            browser.find("logged-out");
            browser.go("/");
            browser.waitFor().until(ExpectedConditions.urlContains("/login"));
        }
    }
}
