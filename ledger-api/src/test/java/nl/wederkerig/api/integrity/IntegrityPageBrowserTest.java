package nl.wederkerig.api.integrity;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator's integrity page in a real browser on a phone-sized window: it shows the
 * verdict, checks a noted head through its plain GET form (the page has no script at all, see
 * {@code IntegrityHttpTest}), and passes axe-core.
 */
@EngineNeutral
@LedgerTest
class IntegrityPageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCoordinatorChecksTheBookAndThePagePassesAxe() {
        MemberId coordinator = OwnCommunity.found(commands, accounts, jdbc, "integrity").coordinator;
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.go("/login");
            browser.type("username", coordinator.value());
            browser.type("password", Neighbours.PASSWORD);
            browser.click("log-in");
            // A coordinator lands on the coordinator's pages.
            browser.find("to-members");

            browser.go("/integrity");
            browser.find("intact");
            assertThat(browser.heading()).isEqualTo("Is het boek nog zoals het geschreven is?");
            browser.check("integrity");

            browser.type("noted", "0123 4567 89ab cdef");
            browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
            browser.find("not-intact");
            assertThat(browser.text("broken")).contains("0123 4567 89ab cdef");
            browser.check("integrity-not-intact");
        }
    }
}
