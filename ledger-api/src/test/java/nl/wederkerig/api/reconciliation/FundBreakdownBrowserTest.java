package nl.wederkerig.api.reconciliation;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.api.support.Browser;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.RecordContribution;
import nl.wederkerig.core.funds.RecordExpense;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.funds.InitiativeYears;
import nl.wederkerig.projections.funds.PeriodFigures;
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;
import nl.wederkerig.projections.reconciliation.BankReconciliations;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fund overview on the treasury page on the smallest phone (360 px), through axe-core: income
 * by source and expenses by category, this year beside last year, as tables with the read model's
 * figures, and the link to the annual report that downloads the PDF in the same session.
 */
@LedgerTest
class FundBreakdownBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTreasurerSeesThisYearBesideLastYearAndDownloadsTheAnnualReport() throws Exception {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "kasjaar");
        MemberId treasurer = wijk.member("tessa");
        InitiativeId initiative = wijk.initiative("eettafel");
        wijk.treasurer(treasurer, initiative);
        LocalDate today = LocalDate.now(LedgerTime.ZONE);
        Year year = Year.from(today);
        commands.sendAndWait(new RecordContribution(initiative, CommandId.of(Neighbours.unique("grant")), Money.eur("1500.00"),
                ContributionSource.GRANT, null, Channel.BANK, year.minusYears(1).atDay(200), treasurer));
        commands.sendAndWait(new RecordContribution(initiative, CommandId.of(Neighbours.unique("guests")), Money.eur("12.50"),
                ContributionSource.GUEST_CONTRIBUTION, null, Channel.CASH_BOX, today, treasurer));
        commands.sendAndWait(new RecordExpense(initiative, CommandId.of(Neighbours.unique("food")), Money.eur("85.40"),
                ExpenseCategory.FOOD, ReceiptReference.of("bon-1"), Channel.BANK, today, treasurer));
        InitiativeYears years = new InitiativeYears(new InitiativeFunds(jdbc), new PartnerReciprocity(jdbc), new BankReconciliations(jdbc));
        await().atMost(Duration.ofSeconds(15)).until(() -> years.report(wijk.id, initiative, year).current().fund().expensesTotal()
                .equals(Money.eur("85.40")));
        PeriodFigures now = years.report(wijk.id, initiative, year).current().fund();
        PeriodFigures before = years.report(wijk.id, initiative, year).previous().fund();
        Figures figures = new Figures(Locale.forLanguageTag("nl"));
        String page = "/initiatives/" + initiative + "/treasury";

        try (Browser browser = Browser.open("http://localhost:" + port, "nl", Browser.SMALL_PHONE)) {
            logIn(browser, treasurer);
            browser.go(page);
            assertThat(browser.text("breakdown-heading")).isEqualTo("Geld per bron en per soort");
            for (ContributionSource source : ContributionSource.values()) {
                assertThat(cells(browser, "income-" + source)).as(source.name())
                        .endsWith(plain(figures.money(now.incomeBySource().get(source)) + " " + figures.money(before.incomeBySource().get(source))));
            }
            for (ExpenseCategory category : ExpenseCategory.values()) {
                assertThat(cells(browser, "expense-" + category)).as(category.name()).endsWith(plain(
                        figures.money(now.expensesByCategory().get(category)) + " " + figures.money(before.expensesByCategory().get(category))));
            }
            assertThat(cells(browser, "income-GRANT")).isEqualTo("Subsidie € 0,00 € 1.500,00");
            assertThat(cells(browser, "income-GUEST_CONTRIBUTION")).isEqualTo("Bijdrage van gasten € 12,50 € 0,00");
            assertThat(cells(browser, "income-total")).isEqualTo("Inkomsten samen € 12,50 € 1.500,00");
            assertThat(cells(browser, "expense-total")).isEqualTo("Uitgaven samen € 85,40 € 0,00");
            assertThat(browser.driver().findElements(By.cssSelector("#income-by-source th[scope=col]"))).extracting(e -> e.getText())
                    .containsExactly("Wat", year.toString(), year.minusYears(1).toString());
            browser.check("treasury-fund-breakdown");

            String href = browser.find("annual-report").getAttribute("href");
            assertThat(href).endsWith("/api/v1/communities/" + wijk.id + "/initiatives/" + initiative + "/annual-report?year=" + year);
            assertThat(browser.find("annual-report-previous").getAttribute("href")).endsWith("?year=" + year.minusYears(1));
            // The link works in the browser's own session: no password sent again.
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

            browser.go(page + "?lang=en");
            assertThat(browser.text("breakdown-heading")).isEqualTo("Money by source and by category");
            assertThat(cells(browser, "income-total")).isEqualTo("Income in total €12.50 €1,500.00");
            browser.check("treasury-fund-breakdown-en");
        }
    }

    /** Non-breaking spaces (between € and the amount) as plain ones, as the page's text is read. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ');
    }

    /** A table row's cells as one line of text. */
    private static String cells(Browser browser, String rowId) {
        return String.join(" ", browser.find(rowId).findElements(By.cssSelector("th, td")).stream()
                .map(cell -> cell.getText().replace('\u00a0', ' ').trim()).toList());
    }

    private static void logIn(Browser browser, MemberId who) {
        browser.go("/login");
        browser.type("username", who.value());
        browser.type("password", Neighbours.PASSWORD);
        browser.click("log-in");
        browser.waitFor().until(driver -> !driver.getCurrentUrl().contains("/login"));
    }
}
