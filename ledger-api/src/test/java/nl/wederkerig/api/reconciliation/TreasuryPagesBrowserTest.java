package nl.wederkerig.api.reconciliation;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.Browser;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.SubmitClaim;
import nl.wederkerig.core.community.AssignRole;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.RecordContribution;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.statements.SyntheticCamt053;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The treasurer's month in a real browser on a phone (390 x 844), every page through axe-core:
 * link the account, upload a CAMT.053 statement through the plain multipart form (no script), see
 * the bank's own line beside its proposal, confirm it with one tap, book the other line, close the
 * month; a refused file shows why beside the field, the kascommissie reads without a form to
 * change anything, and a coordinator reopens.
 */
@EngineNeutral
@LedgerTest
class TreasuryPagesBrowserTest {

    static final Iban ACCOUNT = SyntheticCamt053.dutchIban("TRIO", 198_765_432L);
    static final Iban PAYER = SyntheticCamt053.dutchIban("INGB", 2_345_678L);

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTreasurerImportsMatchesAndClosesAMonth() throws Exception {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "kasweb");
        MemberId treasurer = wijk.member("tessa");
        InitiativeId initiative = wijk.initiative("eettafel");
        wijk.treasurer(treasurer, initiative);
        LocalDate today = LocalDate.now(LedgerTime.ZONE);
        LocalDate start = today.minusDays(12);
        LocalDate end = today.minusDays(2);
        String gift = Neighbours.unique("gift");
        commands.sendAndWait(new RecordContribution(initiative, CommandId.of(gift), Money.eur("40.00"), ContributionSource.DONATION,
                null, Channel.BANK, start.plusDays(1), treasurer));
        Path statement = Files.createTempFile("statement", ".xml");
        Files.write(statement, SyntheticCamt053.xml(ACCOUNT, Money.eur("0.00"), start, end, List.of(
                new SyntheticCamt053.Line(start.plusDays(1), 4_000, "A. Gever", PAYER, gift, "WEB-1"),
                new SyntheticCamt053.Line(start.plusDays(3), -250, "Bank", PAYER, null, "WEB-2"))));
        Path hostile = Files.createTempFile("hostile", ".xml");
        Files.writeString(hostile, "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>");
        String page = "/initiatives/" + initiative + "/treasury";
        MemberId cees = wijk.member("cees");
        String toApprove = Neighbours.unique("claim");
        String toReject = Neighbours.unique("claim");
        for (String claim : List.of(toApprove, toReject)) {
            commands.sendAndWait(new SubmitClaim(ClaimId.of(claim), wijk.id, initiative, Money.eur(claim.equals(toApprove) ? "8.00" : "5.00"),
                    ExpenseCategory.MATERIALS, ReceiptReference.of("ACTION-7"), today, cees));
        }

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            logIn(browser, treasurer);
            browser.go(page);
            assertThat(browser.heading()).isEqualTo("De kas");
            browser.find("iban");
            browser.check("treasury-unlinked");

            browser.type("iban", "NL00 TRIO 0198 7654 32");
            browser.click("link");
            browser.find("iban-error");
            browser.check("treasury-iban-refused");
            browser.type("iban", ACCOUNT.value());
            browser.click("link");
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.go(page);
                return !browser.driver().findElements(By.id("nudge")).isEmpty();
            });
            browser.check("treasury-linked");

            browser.find("file").sendKeys(hostile.toString());
            browser.click("upload");
            assertThat(browser.text("file-error")).isEqualTo("Dit bestand bevat iets wat niet in een afschrift hoort.");
            browser.check("treasury-upload-refused");

            browser.find("file").sendKeys(statement.toString());
            browser.click("upload");
            assertThat(browser.text("import-summary")).startsWith("Afschrift ingelezen: 2 regels, waarvan 2 nieuw");
            browser.check("treasury-imported");

            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.go(page + "/lines");
                return !browser.driver().findElements(By.id("match-WEB-1-0")).isEmpty();
            });
            assertThat(browser.text("bank-line-WEB-1")).contains("A. Gever").contains("Waarschijnlijk: bijdrage");
            browser.driver().findElement(By.cssSelector("#bank-line-WEB-1 summary")).click();
            assertThat(browser.driver().findElement(By.cssSelector("#bank-line-WEB-1 pre")).getText()).contains("WEB-1");
            browser.check("treasury-lines");
            browser.click("match-WEB-1-0");
            // The list follows the events within moments.
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.go(page + "/lines");
                return browser.driver().findElements(By.id("bank-line-WEB-1")).isEmpty();
            });
            browser.click("book-WEB-2");
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.go(page + "/lines");
                return !browser.driver().findElements(By.id("all-matched")).isEmpty();
            });
            browser.check("treasury-lines-done");

            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.go(page);
                return !browser.driver().findElements(By.id("agrees")).isEmpty();
            });
            assertThat(browser.text("difference")).isEqualTo("€ 0,00");
            browser.click("close");
            // The list of closes follows the event within moments: reload until it shows.
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.go(page);
                return !browser.driver().findElements(By.id("last-closed")).isEmpty();
            });
            browser.check("treasury-closed");

            // The claims queue: Cees's two claims, one approved (then to pay with its reference), one rejected with a reason.
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.go(page);
                return !browser.driver().findElements(By.id("approve-" + toApprove)).isEmpty()
                        && !browser.driver().findElements(By.id("reject-" + toReject)).isEmpty();
            });
            assertThat(browser.text("claim-" + toApprove)).contains("€ 8,00").contains("ACTION-7").contains(cees.value());
            browser.check("treasury-claims");
            browser.click("approve-" + toApprove);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.go(page);
                return browser.text("claim-" + toApprove).contains("WDK-" + toApprove);
            });
            browser.click("reject-" + toReject);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.go(page);
                return browser.driver().findElements(By.id("claim-" + toReject)).isEmpty();
            });
            browser.check("treasury-claim-approved");
            browser.click("reopen");
            assertThat(browser.text("reason-error")).isEqualTo("Een ander moet de periode heropenen.");
        }
        // The kascommissie sees the books and the bank's lines, and no form to change them.
        MemberId auditor = wijk.member("kees");
        commands.sendAndWait(new AssignRole(wijk.id, CommandId.of(Neighbours.unique("role")), auditor, Role.auditorOf(initiative),
                today, wijk.coordinator));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM member_role WHERE member_id = ? AND role_kind = 'AUDITOR'", Long.class, auditor.value()) == 1);
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            logIn(browser, auditor);
            browser.go(page);
            browser.find("read-only");
            assertThat(browser.text("difference")).isEqualTo("€ 0,00");
            assertThat(browser.driver().findElements(By.cssSelector("form"))).isEmpty();
            browser.check("treasury-kascommissie");
            browser.go(page + "/lines");
            browser.find("all-matched");
            assertThat(browser.driver().findElements(By.cssSelector("form"))).isEmpty();
        }
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            logIn(browser, wijk.coordinator);
            browser.go(page);
            browser.click("reopen");
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.go(page);
                return browser.driver().findElements(By.id("last-closed")).isEmpty();
            });
            browser.check("treasury-reopened");
        }
    }

    private static void logIn(Browser browser, MemberId who) {
        browser.go("/login");
        browser.type("username", who.value());
        browser.type("password", Neighbours.PASSWORD);
        browser.click("log-in");
        // Each lands where their role takes them (a coordinator on the wijk's page): wait until logged in.
        browser.waitFor().until(driver -> !driver.getCurrentUrl().contains("/login"));
    }
}
