package nl.wederkerig.api.balances;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.Browser;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.errands.StartErrand;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.RecordHelp;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.balances.AdvanceBalances;
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
 * Every neighbour page on the narrowest phone (360×640) in English, with something on each: the
 * words come from the English bundle (no Dutch left over), nothing scrolls sideways, axe-core finds
 * no serious or critical problem, and every link and button is at least 44 px high.
 */
@EngineNeutral
@LedgerTest
class NeighbourPagesInEnglishBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AdvanceBalances balances;

    @Test
    void everyPageInEnglishOnASmallPhone() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "west");
        MemberId lotte = wijk.member("lotte");
        MemberId mo = wijk.member("mo");
        LocalDate today = LocalDate.now(LedgerTime.ZONE);
        AdvanceId advance = AdvanceId.of(Neighbours.unique("adv"));
        commands.sendAndWait(new MakeAdvance(advance, wijk.id, mo, lotte, Money.eur("12.50"), Purpose.PHARMACY, today, mo));
        commands.sendAndWait(new RecordHelp(HelpId.of(Neighbours.unique("help")), wijk.id, mo, lotte, Hours.ofMinutes(45),
                HelpKind.TRANSPORT, null, today, mo));
        commands.sendAndWait(new StartErrand(ErrandId.of(Neighbours.unique("errand")), wijk.id, lotte, mo, Money.eur("20.00"),
                Purpose.GROCERIES, today, lotte));
        await().atMost(Duration.ofSeconds(15)).until(() -> balances.waitingFor(wijk.id, lotte).size() == 1);

        try (Browser browser = Browser.open("http://localhost:" + port, "en", Browser.SMALL_PHONE)) {
            browser.go("/login");
            browser.type("username", lotte.value());
            browser.type("password", Neighbours.PASSWORD);
            browser.click("log-in");
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                browser.go("/");
                return browser.driver().findElements(By.id("waiting-2")).size() == 1;
            });
            page(browser, "/", "My overview", "english-01-overview");
            assertThat(browser.text("waiting-1")).contains(mo.value() + " says: I paid €12.50 for you");
            page(browser, "/advances", "Advances", "english-02-advances");
            page(browser, "/advances/" + advance.value(), "Advanced by " + mo.value(), "english-03-advance");
            page(browser, "/help", "Help in hours", "english-04-help");
            page(browser, "/errands", "Errands with cash handed over", "english-05-errands");
            page(browser, "/neighbours", "With each neighbour", "english-06-neighbours");
            page(browser, "/history", "My history", "english-07-history");
        }
    }

    private static void page(Browser browser, String path, String heading, String screenshot) {
        browser.go(path);
        assertThat(browser.heading()).isEqualTo(heading);
        String words = browser.driver().findElement(By.tagName("main")).getText();
        assertThat(words).as("no Dutch left on " + path).doesNotContain(" je ", " jij ", "Voor jou", "Terug", " niet ", " het ");
        // Inline links inside a sentence are exempt (WCAG 2.5.8); everything one taps on its own is measured.
        Object small = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                return [...document.querySelectorAll('main button, nav a, a.button, ul.list a, main select, '
                    + 'main input[type=text], main input[type=date], fieldset.choice label')]
                  .filter(e => e.getBoundingClientRect().height < 44)
                  .map(e => e.tagName + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().height) + 'px');""");
        assertThat((java.util.List<?>) small).as("touch targets under 44 px on " + path).isEmpty();
        browser.check(screenshot);
    }
}
