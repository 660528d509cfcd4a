package nl.wederkerig.api.balances;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.logins.LoginStore;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first page after logging in is light and quick on an old phone with slow data: at most
 * 100 KB over the wire (compressed) and usable within 3 s on Chrome DevTools' "Slow 3G" profile
 * (2 s latency per request, 50,000 bytes/s each way), set through the CDP. The browser starts with
 * an empty cache, opens the log-in page (throttled too) and logs in; the figures come from the
 * browser's own Navigation and Resource Timing and are printed.
 *
 * <p>"Usable" is the load event of the page: its HTML and style sheets are in and it is drawn.
 * Measured from the request for the page itself; the log-in POST and its redirect before it are
 * printed beside it (two more round trips of 2 s each on this profile, whatever the page weighs).
 */
@EngineNeutral
@LedgerTest
class FirstPageWeightBrowserTest {

    /** Chrome DevTools' "Slow 3G" preset: 400 ms × 5 latency, 500 kbit/s × 0.8 both ways. */
    static final Map<String, Object> SLOW_3G = Map.of("offline", false, "latency", 2000,
            "downloadThroughput", 50_000, "uploadThroughput", 50_000);
    static final long MAX_BYTES = 100 * 1024;
    static final long MAX_MILLIS = 3000;

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
    @Autowired
    Clock clock;

    @Test
    void theFirstPageAfterLoggingInIsLightAndQuickOnSlow3G() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "west");
        MemberId lotte = wijk.member("lotte");
        MemberId mo = wijk.member("mo");
        // Something waiting for her, so the page is as full as a normal day's.
        commands.sendAndWait(new MakeAdvance(AdvanceId.of(Neighbours.unique("adv")), wijk.id, mo, lotte, Money.eur("12.50"),
                Purpose.PHARMACY, LocalDate.now(clock), mo));
        await().atMost(Duration.ofSeconds(15)).until(() -> !balances.waitingFor(wijk.id, lotte).isEmpty());

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            ChromeDriver chrome = (ChromeDriver) browser.driver();
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
            chrome.executeCdpCommand("Network.emulateNetworkConditions", SLOW_3G);

            browser.go("/login");
            Figures login = figures(chrome);
            browser.type("username", lotte.value());
            browser.type("password", Neighbours.PASSWORD);
            browser.click("log-in");
            browser.waitFor().withTimeout(Duration.ofSeconds(60))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting-1")));
            browser.waitFor().withTimeout(Duration.ofSeconds(60)).until(driver -> ((Number) ((JavascriptExecutor) driver)
                    .executeScript("return performance.getEntriesByType('navigation')[0].loadEventEnd")).longValue() > 0);
            Figures overview = figures(chrome);

            System.out.printf("First page weight on Slow 3G (latency 2000 ms, 50,000 B/s):%n"
                            + "  log-in page (empty cache): %,d bytes transferred, HTML %,d bytes compressed (%,d unpacked), usable after %d ms%n"
                            + "  first page after log-in:   %,d bytes transferred, HTML %,d bytes compressed (%,d unpacked), usable %d ms after its request%n"
                            + "                             (%d ms after pressing Inloggen, with the log-in POST and its redirect)%n",
                    login.transferred(), login.htmlCompressed(), login.htmlUnpacked(), login.usableFromRequest(),
                    overview.transferred(), overview.htmlCompressed(), overview.htmlUnpacked(), overview.usableFromRequest(),
                    overview.usableFromStart());

            assertThat(overview.htmlCompressed()).as("the page travels compressed").isLessThan(overview.htmlUnpacked());
            assertThat(overview.transferred()).as("bytes over the wire for the first page after log-in").isLessThanOrEqualTo(MAX_BYTES);
            assertThat(overview.usableFromRequest()).as("ms until usable on Slow 3G").isLessThanOrEqualTo(MAX_MILLIS);
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            browser.check("weight-first-page-after-login");
        }
    }

    /** What the browser measured for the page it shows now. */
    record Figures(long transferred, long htmlCompressed, long htmlUnpacked, long usableFromRequest, long usableFromStart) {
    }

    @SuppressWarnings("unchecked")
    static Figures figures(ChromeDriver chrome) {
        Map<String, Object> measured = (Map<String, Object>) chrome.executeScript("""
                const page = performance.getEntriesByType('navigation')[0];
                const resources = performance.getEntriesByType('resource');
                return {
                  transferred: page.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
                  htmlCompressed: page.encodedBodySize,
                  htmlUnpacked: page.decodedBodySize,
                  usableFromRequest: Math.round(page.loadEventEnd - page.fetchStart),
                  usableFromStart: Math.round(page.loadEventEnd - page.startTime)
                };""");
        return new Figures(number(measured, "transferred"), number(measured, "htmlCompressed"), number(measured, "htmlUnpacked"),
                number(measured, "usableFromRequest"), number(measured, "usableFromStart"));
    }

    private static long number(Map<String, Object> measured, String name) {
        return ((Number) measured.get(name)).longValue();
    }
}
