package nl.wederkerig.api.parking;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Browser;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.projections.balances.AdvanceBalances;
import nl.wederkerig.core.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator finds the parked reimbursement from the wijk's page, reads why it was set aside,
 * retries it after the fix with the row's own button, and both states of the page pass axe-core.
 */
@EngineNeutral
@LedgerTest
class ParkedEventsPageBrowserTest {

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
    EventProcessingConfiguration processing;

    Poison poison;

    @AfterEach
    void nothingLeftParked() {
        poison.resolve(processing);
    }

    @Test
    void theCoordinatorSeesWhyAndRetriesAfterTheFix() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "parkpage");
        poison = Poison.parkedIn(wijk, wijk.member("amina"), wijk.member("bram"), commands, balances, processing, jdbc);
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.go("/login");
            browser.type("username", wijk.coordinator.value());
            browser.type("password", Neighbours.PASSWORD);
            browser.click("log-in");
            browser.click("to-parked");

            assertThat(browser.heading()).isEqualTo("Wat wacht er op een oplossing?");
            assertThat(browser.text("parked")).contains(poison.advance.value(), "AdvanceReimbursed", "out of step");
            assertThat(browser.text("parked-count")).contains("1 gebeurtenis wacht");
            browser.check("parked-events");

            poison.fix();
            browser.click("retry-0");

            assertThat(browser.text("retried")).contains("Gelukt: 1", "Nog niet gelukt: 0");
            browser.find("nothing-parked");
            browser.check("parked-events-empty");
        }
        assertThat(balances.advance(wijk.id, poison.advance).orElseThrow().outstanding()).isEqualTo(Money.eur("30.00"));
    }
}
