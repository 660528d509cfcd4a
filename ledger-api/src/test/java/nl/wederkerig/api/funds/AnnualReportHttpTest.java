package nl.wederkerig.api.funds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.claims.ApproveClaim;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.SubmitClaim;
import nl.wederkerig.core.community.CommunityName;
import nl.wederkerig.core.community.HourValuationMethod;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.SetHourValuation;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.PayApprovedClaim;
import nl.wederkerig.core.funds.RecordContribution;
import nl.wederkerig.core.funds.RecordExpense;
import nl.wederkerig.core.reciprocity.RecordHoursDrawn;
import nl.wederkerig.core.reciprocity.RecordMoneyReturned;
import nl.wederkerig.core.reconciliation.ActingAs;
import nl.wederkerig.core.reconciliation.ImportStatement;
import nl.wederkerig.core.reconciliation.LinkBankAccount;
import nl.wederkerig.core.reconciliation.StatementSource;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.projections.funds.AnnualFigures;
import nl.wederkerig.projections.funds.AnnualReport;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.funds.InitiativeYears;
import nl.wederkerig.projections.funds.PartnerPosition;
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;
import nl.wederkerig.projections.reconciliation.BankReconciliations;
import nl.wederkerig.projections.reconciliation.ReconciliationAsOf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The annual report as a PDF over HTTP: PDFBox reads its text, which holds the wijk, the initiative,
 * the year and the footer on method, and every figure the read models give for the year and the
 * year before, each on the row of its label; never a member's id or name. Only the initiative's
 * treasurers, kascommissie and the coordinator get it; a bad year is a 400 problem.
 */
@LedgerTest
class AnnualReportHttpTest {

    static final String WIJK_NAME = "Bospolder";
    static final String HOLDER_NAME = "Vera Volkers";
    static final Locale DUTCH = Locale.forLanguageTag("nl");
    static final Iban ACCOUNT = nl.wederkerig.statements.SyntheticCamt053.dutchIban("RABO", 918_273_645L);

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource texts;

    final LocalDate today = LocalDate.now(LedgerTime.ZONE);
    final Year year = Year.from(today);
    final LocalDate lastYearsEnd = year.minusYears(1).atMonth(12).atEndOfMonth();
    final Figures figures = new Figures(DUTCH);
    OwnCommunity wijk;
    InitiativeId initiative;
    PartnerId partner;
    MemberId treasurer;
    MemberId claimant;
    MemberId auditor;

    @BeforeEach
    void twoYearsOfAnInitiative() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "annual", CommunityName.of(WIJK_NAME));
        commands.sendAndWait(new SetHourValuation(wijk.id, id("valuation"), Money.eur("12.00"), today, HourValuationMethod.FIXED_AGREED,
                today, wijk.coordinator));
        initiative = wijk.initiative("eettafel");
        partner = wijk.partner("zorg");
        treasurer = wijk.member("tessa");
        claimant = wijk.member("vera");
        auditor = wijk.member("kees");
        wijk.treasurer(treasurer, initiative);
        wijk.role(auditor, Role.auditorOf(initiative));
        payoutDetails(claimant, HOLDER_NAME);
        // Last year: a grant, and rent and partner hours on its last day (no hour valuation yet then).
        contribution(ContributionSource.GRANT, "1500.00", null, Channel.BANK, year.minusYears(1).atMonth(6).atDay(15));
        commands.sendAndWait(new RecordExpense(initiative, id("rent"), Money.eur("250.00"), ExpenseCategory.RENT,
                ReceiptReference.of("huur-dec"), Channel.BANK, lastYearsEnd, treasurer));
        commands.sendAndWait(new RecordHoursDrawn(partner, id("h-old"), wijk.id, initiative, Hours.ofMinutes(120), lastYearsEnd,
                wijk.coordinator));
        // This year: guests on its first day, the partner's contribution, food, a claim paid, hours valued, money back.
        contribution(ContributionSource.GUEST_CONTRIBUTION, "12.50", null, Channel.CASH_BOX, year.atDay(1));
        contribution(ContributionSource.PARTNER, "400.00", partner, Channel.BANK, year.atDay(1));
        commands.sendAndWait(new RecordExpense(initiative, id("food"), Money.eur("85.40"), ExpenseCategory.FOOD,
                ReceiptReference.of("bon-1"), Channel.BANK, year.atDay(1), treasurer));
        ClaimId claim = ClaimId.of(Neighbours.unique("claim"));
        commands.sendAndWait(new SubmitClaim(claim, wijk.id, initiative, Money.eur("19.95"), ExpenseCategory.TRANSPORT,
                ReceiptReference.of("bus"), today, claimant));
        commands.sendAndWait(new ApproveClaim(claim, id("ok"), today, treasurer));
        InitiativeFunds funds = new InitiativeFunds(jdbc);
        await().atMost(Duration.ofSeconds(15)).until(() -> funds.balanceOf(wijk.id, initiative, today).claimsApprovedUnpaid().count() == 1);
        commands.sendAndWait(new PayApprovedClaim(claim, id("pay"), Channel.BANK, today, treasurer));
        commands.sendAndWait(new RecordHoursDrawn(partner, id("h-now"), wijk.id, initiative, Hours.ofMinutes(90), today,
                wijk.coordinator));
        commands.sendAndWait(new RecordMoneyReturned(partner, id("back"), wijk.id, initiative, Money.eur("30.00"), today,
                wijk.coordinator));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            AnnualFigures now = readModel().current();
            return now.fund().claimsPaid().count() == 1 && now.partners().size() == 1
                    && now.partners().get(0).returnedMoney().equals(Money.eur("30.00"));
        });
    }

    CommandId id(String prefix) {
        return CommandId.of(Neighbours.unique(prefix));
    }

    void contribution(ContributionSource source, String amount, PartnerId from, Channel channel, LocalDate on) {
        commands.sendAndWait(new RecordContribution(initiative, id("in"), Money.eur(amount), source, from, channel, on, treasurer));
    }

    /** The claimant's bank details, with her name as account holder: the one place a person's name is kept. */
    void payoutDetails(MemberId member, String holder) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = """
                {"commandId":"%s","iban":"NL91ABNA0417164300","accountHolder":"%s"}""".formatted(Neighbours.unique("payout"), holder);
        ResponseEntity<String> answer = http.withBasicAuth(member.value(), Neighbours.PASSWORD).exchange(
                "/api/v1/communities/" + wijk.id + "/members/me/payout-details", HttpMethod.PUT, new HttpEntity<>(body, headers),
                String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
    }

    AnnualReport readModel() {
        return new InitiativeYears(new InitiativeFunds(jdbc), new PartnerReciprocity(jdbc), new BankReconciliations(jdbc))
                .report(wijk.id, initiative, year);
    }

    ResponseEntity<byte[]> pdf(MemberId as, String initiativeId, String query, String language) {
        HttpHeaders headers = new HttpHeaders();
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).exchange("/api/v1/communities/" + wijk.id + "/initiatives/"
                + initiativeId + "/annual-report" + query, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    @Test
    void theReportHoldsEveryFigureOfTheReadModelBesideLastYearAndNoPerson() throws IOException {
        ResponseEntity<byte[]> answer = pdf(treasurer, initiative.value(), "?year=" + year, null);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(answer.getHeaders().getContentDisposition().getFilename()).isEqualTo("jaarverslag-" + initiative + "-" + year + ".pdf");
        Files.createDirectories(Path.of("target", "pdfs"));
        Files.write(Path.of("target", "pdfs", "annual-report.pdf"), answer.getBody());
        String text = text(answer.getBody());

        assertThat(text).contains("Jaarverslag " + year + " van " + initiative, "Wijk: " + WIJK_NAME, "Initiatief: " + initiative,
                "Jaar: " + year, "vergeleken met " + year.minusYears(1), "Hoe deze cijfers gemaakt zijn",
                "Wederkerig, wijk " + WIJK_NAME + ". Gemaakt op");
        AnnualReport report = readModel();
        for (String row : expectedRows(report)) {
            assertThat(text).as("the row " + row).contains(row);
        }
        // The figures themselves, known from the entries above, so the read model is checked too.
        assertThat(text).contains("Inkomsten samen € 412,50 € 1.500,00", "Uitgaven samen € 105,35 € 250,00",
                "Declaraties betaald (aantal) 1 0", "Declaraties betaald (bedrag) € 19,95 € 0,00",
                "Uren van vrijwilligers voor partners 1 uur 30 min 2 uur", "Geld op 31 december (bank en kas) € 1.557,15 € 1.250,00",
                "Partner " + partner, "Waarde van die uren € 18,00 € 0,00", "Saldo (terug min waarde) € 12,00 € 0,00",
                "Dit initiatief heeft geen bankrekening gekoppeld.");
        for (MemberId person : List.of(treasurer, claimant, auditor, wijk.coordinator)) {
            assertThat(text).as("the PDF names " + person).doesNotContain(person.value());
        }
        assertThat(text).doesNotContain(HOLDER_NAME).doesNotContain("Volkers");
    }

    /** Every row the read models give, as "label this-year last-year", in Dutch. */
    List<String> expectedRows(AnnualReport report) {
        AnnualFigures now = report.current();
        AnnualFigures before = report.previous();
        List<String> rows = new ArrayList<>();
        for (ContributionSource source : ContributionSource.values()) {
            rows.add(row("treasury.source." + source, now, before, f -> figures.money(f.fund().incomeBySource().get(source))));
        }
        rows.add(row("annual.income.total", now, before, f -> figures.money(f.fund().incomeTotal())));
        for (ExpenseCategory category : ExpenseCategory.values()) {
            rows.add(row("treasury.category." + category, now, before, f -> figures.money(f.fund().expensesByCategory().get(category))));
        }
        rows.add(row("annual.expenses.total", now, before, f -> figures.money(f.fund().expensesTotal())));
        rows.add(row("annual.opening", now, before, f -> figures.money(f.fund().openingBalance())));
        rows.add(row("annual.claims-paid.count", now, before, f -> Long.toString(f.fund().claimsPaid().count())));
        rows.add(row("annual.claims-paid.amount", now, before, f -> figures.money(f.fund().claimsPaid().amount())));
        rows.add(row("annual.hours", now, before, f -> figures.hours(f.fund().partnerHoursMinutes())));
        rows.add(row("annual.closing", now, before, f -> figures.money(f.fund().closingBalance())));
        Function<AnnualFigures, PartnerPosition> position = f -> f.partners().get(0);
        rows.add(row("annual.partner.hours", now, before, f -> figures.hours(position.apply(f).drawnMinutes())));
        rows.add(row("annual.partner.drawn", now, before, f -> figures.money(position.apply(f).drawnValue())));
        rows.add(row("annual.partner.money", now, before, f -> figures.money(position.apply(f).returnedMoney())));
        rows.add(row("annual.partner.in-kind", now, before, f -> figures.money(position.apply(f).returnedInKind())));
        rows.add(row("annual.partner.balance", now, before, f -> figures.money(position.apply(f).balance())));
        return rows;
    }

    String row(String labelKey, AnnualFigures now, AnnualFigures before, Function<AnnualFigures, String> figure) {
        return plain(texts.getMessage(labelKey, null, DUTCH) + " " + figure.apply(now) + " " + figure.apply(before));
    }

    @Test
    void theReconciliationAtTheYearsEndIsBesideTheYearBeforeWhenAnAccountIsLinked() throws IOException {
        commands.sendAndWait(new LinkBankAccount(initiative, id("link"), ACCOUNT, ActingAs.TREASURER, today, treasurer));
        // The bank agrees with the books: this year's statement ends today at the fund's bank balance.
        commands.sendAndWait(new ImportStatement(initiative, id("stmt"), ACCOUNT, StatementSource.CAMT053, year.atDay(1), today,
                Money.eur("1544.65"), Money.eur("1544.65"), List.of(), today, treasurer));
        await().atMost(Duration.ofSeconds(15)).until(() -> readModel().current().reconciliation() != null
                && readModel().current().reconciliation().statementThrough() != null);
        ReconciliationAsOf now = readModel().current().reconciliation();

        String text = text(pdf(treasurer, initiative.value(), "?year=" + year, null).getBody());

        assertThat(now.difference()).isEqualTo(Money.eur("0.00"));
        assertThat(text).contains(plain("Laatste afschrift tot en met " + longDate(now.statementThrough()) + " geen afschrift"),
                plain("Verschil bank min boeken " + figures.money(now.difference()) + " niet bekend"),
                "Afgesloten tot en met nog niets afgesloten nog niets afgesloten")
                .doesNotContain("geen bankrekening gekoppeld");
    }

    static String longDate(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(DUTCH).format(day);
    }

    @Test
    void inEnglishWhenAskedForEnglish() throws IOException {
        String text = text(pdf(treasurer, initiative.value(), "?year=" + year, "en").getBody());

        assertThat(text).contains("Annual report " + year + " of " + initiative, "Neighbourhood: " + WIJK_NAME,
                "How these figures were made", "Income in total €412.50 €1,500.00");
    }

    @Test
    void theKascommissieAndTheCoordinatorGetItAndEveryoneElseIsRefusedAsForAnUnknownInitiative() throws Exception {
        for (MemberId reader : List.of(auditor, wijk.coordinator)) {
            ResponseEntity<byte[]> answer = pdf(reader, initiative.value(), "?year=" + year, null);
            assertThat(answer.getStatusCode().value()).as(reader.value()).isEqualTo(200);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        }
        MemberId outsider = OwnCommunity.found(commands, accounts, jdbc, "elders").member("olaf");
        for (MemberId stranger : List.of(claimant, outsider)) {
            ResponseEntity<byte[]> known = pdf(stranger, initiative.value(), "?year=" + year, null);
            ResponseEntity<byte[]> unknown = pdf(stranger, "onbekend", "?year=" + year, null);
            assertThat(known.getStatusCode()).as(stranger.value()).isEqualTo(unknown.getStatusCode());
            assertThat(known.getStatusCode().value()).isIn(403, 404);
            assertThat(problem(known).path("code").asText()).isEqualTo(problem(unknown).path("code").asText());
        }
        // The coordinator may ask about any initiative of the wijk: an unknown one is simply not found.
        assertThat(pdf(wijk.coordinator, "onbekend", "?year=" + year, null).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aYearThatIsNoNumberBefore2000OrBeyondNextYearIsABadRequest() throws Exception {
        for (String bad : List.of("?year=twintig", "?year=1999", "?year=" + year.plusYears(2), "?year=", "", "?year=20266")) {
            ResponseEntity<byte[]> answer = pdf(treasurer, initiative.value(), bad, null);
            assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(problem(answer).path("code").asText()).isEqualTo("report-year-invalid");
        }
        assertThat(pdf(treasurer, initiative.value(), "?year=" + year.plusYears(1), null).getStatusCode().value()).isEqualTo(200);
        assertThat(pdf(treasurer, initiative.value(), "?year=2000", null).getStatusCode().value()).isEqualTo(200);
    }

    static JsonNode problem(ResponseEntity<byte[]> answer) throws IOException {
        return new ObjectMapper().readTree(new String(answer.getBody(), StandardCharsets.UTF_8));
    }

    /** The PDF's text as PDFBox reads it, in reading order, any run of white space (non-breaking too) as one space. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return plain(stripper.getText(document));
        }
    }

    static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ");
    }
}
