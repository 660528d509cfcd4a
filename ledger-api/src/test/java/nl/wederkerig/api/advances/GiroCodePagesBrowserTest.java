package nl.wederkerig.api.advances;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Browser;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static nl.wederkerig.api.advances.AdvancePagesBrowserTest.logIn;
import static nl.wederkerig.api.advances.AdvancePagesBrowserTest.waitUntilShown;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paying back by bank in two browsers: Lotte stores her IBAN under "Mijn account" (a typo in it is
 * refused beside the field first), lends Mo €50; Mo says it is right and then sees, on the
 * advance, the GiroCode to scan, the IBAN, amount and reference to copy, Lotte's payment link and
 * that paying this way records nothing. Every page passes axe-core and is kept as a screenshot.
 */
@EngineNeutral
@LedgerTest
class GiroCodePagesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void lotteStoresHerIbanAndMoSeesTheGiroCodeOnTheAdvance() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "giro");
        MemberId lotte = wijk.member("lotte");
        MemberId mo = wijk.member("mo");

        try (Browser lottes = Browser.open(base()); Browser mos = Browser.open(base())) {
            logIn(lottes, lotte);
            lottes.go("/account");
            lottes.type("iban", "NL36 INGB 0007 6543 29");
            lottes.type("accountHolder", "L. de Vries");
            lottes.type("paymentLink", "https://tikkie.me/pay/lotte42");
            lottes.click("save-payout");
            assertThat(lottes.text("iban-error")).isEqualTo("Dit is geen geldig IBAN.");
            lottes.check("girocode-01-lotte-iban-refused");
            lottes.type("iban", "NL36 INGB 0007 6543 21");
            lottes.click("save-payout");
            assertThat(lottes.text("payout-done")).isEqualTo("Je rekeningnummer is opgeslagen.");
            assertThat(lottes.find("iban").getAttribute("value")).isEqualTo("NL36 INGB 0007 6543 21");
            lottes.check("girocode-02-lotte-iban-saved");

            lottes.go("/advances");
            lottes.type("borrower", mo.value());
            lottes.type("amount", "50");
            lottes.click("make");
            String advancePath = lottes.driver().getCurrentUrl().replaceFirst("^http://[^/]+", "").replaceFirst("\\?.*$", "");
            String advance = advancePath.substring(advancePath.lastIndexOf('/') + 1);
            assertThat(lottes.driver().findElements(org.openqa.selenium.By.id("giro"))).as("the lender sees no QR").isEmpty();

            logIn(mos, mo);
            waitUntilShown(mos, "/", "waiting-1");
            mos.click("acknowledge-1");
            mos.click("done-link");
            assertThat(mos.text("status")).isEqualTo("Klopt, wordt terugbetaald");
            assertThat(mos.text("giro-iban")).isEqualTo("NL36 INGB 0007 6543 21");
            assertThat(mos.text("giro-holder")).isEqualTo("L. de Vries");
            assertThat(mos.text("giro-amount")).isEqualTo("€ 50,00");
            assertThat(mos.text("giro-reference")).isEqualTo("WDK-" + advance);
            assertThat(mos.find("giro-link").getAttribute("href")).isEqualTo("https://tikkie.me/pay/lotte42");
            assertThat(mos.text("giro-not-recorded")).contains("schrijft de terugbetaling niet op");
            assertThat(mos.find("girocode").getAttribute("alt").replace('\u00a0', ' ')).contains("€ 50,00", "L. de Vries", "WDK-" + advance);
            Object width = ((JavascriptExecutor) mos.driver()).executeScript(
                    "const img = document.getElementById('girocode'); return img.complete ? img.naturalWidth : -1;");
            assertThat(((Number) width).intValue()).as("the QR image was served").isGreaterThan(100);
            mos.check("girocode-03-mo-pays-by-bank");
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
