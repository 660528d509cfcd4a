package nl.wederkerig.api.reciprocity;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.platform.web.pages.Figures;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.core.harness.RequiredTools;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.reciprocity.MonthFigures;
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;
import nl.wederkerig.projections.reciprocity.StatementLine;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner's statement as a PDF: poppler's {@code pdftotext} reads it like any PDF reader, and
 * finds the wijk, the period, the valuation, the footer on method, and every figure the read model
 * gives for the period; never a person; "&lt; 5" and "verborgen" where counts are small.
 */
@LedgerTest
class StatementPdfTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    final LocalDate today = LocalDate.now(LedgerTime.ZONE);
    final Figures figures = new Figures(Locale.forLanguageTag("nl"));

    ResponseEntity<byte[]> pdf(MemberId as, Wijk wijk, String query) {
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD)
                .getForEntity("/partners/" + wijk.partner() + "/statement.pdf?" + query, byte[].class);
    }

    @Test
    void theStatementForAYearHoldsEveryFigureOfTheReadModelAndNoPerson() throws Exception {
        Wijk wijk = Wijk.withEntries(commands, accounts, jdbc);
        ResponseEntity<byte[]> answer = pdf(wijk.representative(), wijk, "period=year&on=" + today);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(answer.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("wederkerigheid-" + wijk.partner() + "-" + today.withDayOfYear(1) + "-"
                        + today.withDayOfYear(today.lengthOfYear()) + ".pdf");
        // Kept for a person to open in a PDF reader.
        Files.createDirectories(Path.of("target", "pdfs"));
        Files.write(Path.of("target", "pdfs", "partner-statement.pdf"), answer.getBody());
        String text = text(answer.getBody());

        PartnerReciprocity reciprocity = new PartnerReciprocity(jdbc);
        LocalDate first = today.withDayOfYear(1);
        LocalDate last = today.withDayOfYear(today.lengthOfYear());
        StatementLine total = reciprocity.statement(wijk.community().id, wijk.partner(), first, last).total();
        assertThat(text).contains("Wederkerigheid met " + wijk.partner(), "Wijk: " + Wijk.NAME,
                date(first) + " tot en met " + date(last), "€ 12,00 per uur",
                "Hoe deze cijfers gemaakt zijn", "Wederkerig, wijk " + Wijk.NAME);
        // The valuation's method, in force and in the history (the wijk values an hour at an amount agreed with the partner).
        assertThat(text).contains("Manier van waarderen: vast bedrag, afgesproken met de partner.",
                "€ 12,00 per uur (vast bedrag, afgesproken met de partner)");
        assertThat(text).contains(plain(figures.hours(total.drawnMinutes())), plain(figures.money(total.drawnValue())),
                plain(figures.money(total.returnedMoney())), plain(figures.money(total.returnedInKind())),
                plain(figures.money(total.balance())));
        assertThat(total.hoursEntries()).isEqualTo("7");
        List<MonthFigures> months = reciprocity.monthly(wijk.community().id, wijk.partner(), YearMonth.from(first),
                YearMonth.from(last));
        for (MonthFigures month : months) {
            assertThat(text).contains(DateTimeFormatter.ofPattern("MMM yyyy", Locale.forLanguageTag("nl")).format(month.month()));
            assertThat(text).contains(plain(figures.money(month.runningBalance())));
        }
        // The one-hour initiative: "< 5" times; the other's 6 hidden, else 7 − 6 would give the 1 back.
        assertThat(text).contains(wijk.help().value()).contains("1 uur (< 5)").contains("9 uur (verborgen)");
        assertThat(text).doesNotContain("(6)");
        for (MemberId person : wijk.people()) {
            assertThat(text).as("the PDF names " + person).doesNotContain(person.value());
        }
    }

    @Test
    void aNeighbourAndAnotherPartnersRepresentativeGetNoPdf() {
        Wijk wijk = Wijk.withEntries(commands, accounts, jdbc);
        Wijk other = Wijk.withEntries(commands, accounts, jdbc);

        for (MemberId stranger : List.of(wijk.neighbour(), other.representative())) {
            ResponseEntity<byte[]> answer = pdf(stranger, wijk, "period=year");
            assertThat(answer.getStatusCode().value()).as(stranger.value()).isIn(403, 404);
            assertThat(answer.getHeaders().getContentType()).isNotEqualTo(MediaType.APPLICATION_PDF);
        }
    }

    /** Any run of white space (non-breaking, line breaks in a table cell) as one space. */
    static String plain(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }

    String date(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag("nl")).format(day);
    }

    /** The PDF's text as poppler reads it in the order it was written (its layout mode drops the space of "< 5"), with non-breaking spaces as spaces. */
    static String text(byte[] pdf) throws IOException, InterruptedException {
        Path tool = RequiredTools.require("pdftotext").get(0);
        Path file = Files.createTempFile("statement", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder(tool.toString(), "-raw", "-enc", "UTF-8", file.toString(), "-")
                    .redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(text).isZero();
            return plain(text);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
