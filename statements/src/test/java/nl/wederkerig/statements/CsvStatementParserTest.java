package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.Money;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvStatementParserTest {

    /** The sample in ING's documented NL layout: semicolons, yyyyMMdd, unsigned amounts with Af/Bij, balance after each line. */
    @Test
    void readsTheIngSample() {
        BankStatement statement = Files.read("samples/csv/ing-nl-synthetic.csv", StatementFormat.CSV_ING).statements().get(0);
        assertThat(statement.format()).isEqualTo(StatementFormat.CSV_ING);
        assertThat(statement.header().accountId()).isEqualTo("NL12INGB0001234567");
        assertThat(statement.header().from()).isEqualTo(LocalDate.parse("2025-02-01"));
        assertThat(statement.header().to()).isEqualTo(LocalDate.parse("2025-02-14"));
        assertThat(statement.header().openingBalance()).isEqualTo(Money.eur("201.25")); // 451.25 after the first line of +250.00
        assertThat(statement.header().closingBalance()).isEqualTo(Money.eur("402.50"));
        assertThat(statement.lines()).extracting(StatementLine::amount).containsExactly(Money.eur("250.00"), Money.eur("-48.75"));
        StatementLine first = statement.lines().get(0);
        assertThat(first.counterpartyName()).isEqualTo("Zorgcentrum De Linde");
        assertThat(first.counterpartyIban()).contains(Iban.parse("NL91ABNA0417164300"));
        assertThat(first.description()).contains("bijdrage moestuin 2025");
        assertThat(first.balanceAfter()).isEqualTo(Money.eur("451.25"));
        assertThat(first.reference().kind()).isEqualTo(EntryReference.Kind.CONTENT_HASH);
        assertThat(first.sourceText()).startsWith("\"20250201\";\"Zorgcentrum De Linde\"");
        StatementChecks.requireImportable(statement);
    }

    /** The sample in Rabobank's 2017 layout: 26 quoted columns, signed amounts, Volgnr as the bank's reference. */
    @Test
    void readsTheRabobankSample() {
        BankStatement statement = Files.read("samples/csv/rabobank-synthetic.csv", StatementFormat.CSV_RABOBANK).statements().get(0);
        assertThat(statement.lines()).extracting(StatementLine::amount).containsExactly(Money.eur("250.00"), Money.eur("-48.75"));
        assertThat(statement.lines()).extracting(l -> l.reference().value()).containsExactly("000000000000000101", "000000000000000102");
        assertThat(statement.lines().get(0).counterpartyName()).isEqualTo("Zorgcentrum De Linde");
        assertThat(statement.lines().get(0).description()).isEqualTo("bijdrage moestuin 2025");
        assertThat(statement.header().openingBalance()).isEqualTo(Money.eur("201.25"));
        assertThat(statement.header().closingBalance()).isEqualTo(Money.eur("402.50"));
        StatementChecks.requireImportable(statement);
    }

    @Test
    void putsIngRowsListedNewestFirstInDateOrderAndKeepsTwinLinesApart() {
        BankStatement statement = Files.read("statements/ing-newest-first.csv", StatementFormat.CSV_ING).statements().get(0);
        assertThat(statement.lines()).extracting(StatementLine::bookingDate).containsExactly(LocalDate.parse("2026-03-02"),
                LocalDate.parse("2026-03-20"), LocalDate.parse("2026-03-20"));
        assertThat(statement.lines()).extracting(StatementLine::balanceAfter)
                .containsExactly(Money.eur("550.25"), Money.eur("543.75"), Money.eur("537.25"));
        assertThat(statement.header().openingBalance()).isEqualTo(Money.eur("537.75"));
        assertThat(statement.header().closingBalance()).isEqualTo(Money.eur("537.25"));
        assertThat(statement.lines()).extracting(l -> l.reference().value()).doesNotHaveDuplicates();
        assertThat(statement.lines().get(0).paymentReference()).contains("guests-mrt");
        StatementChecks.requireImportable(statement);
    }

    @Test
    void readsAnAbnAmroTabFileWithoutHeaderByAccountNumber() {
        BankStatement statement = Files.read("statements/abnamro-maart.TAB", StatementFormat.CSV_ABNAMRO).statements().get(0);
        assertThat(statement.header().accountId()).isEqualTo("417164300");
        assertThat(statement.header().identifies(Iban.parse("NL91ABNA0417164300"))).isTrue();
        assertThat(statement.header().identifies(Iban.parse("NL02ABNA0123456789"))).isFalse();
        assertThat(statement.header().openingBalance()).isEqualTo(Money.eur("1384.35")); // the first line's balance before
        assertThat(statement.header().closingBalance()).isEqualTo(Money.eur("1359.65"));
        assertThat(statement.lines()).extracting(StatementLine::amount)
                .containsExactly(Money.eur("25.00"), Money.eur("-43.20"), Money.eur("-6.50"));
        StatementLine slashes = statement.lines().get(0);
        assertThat(slashes.counterpartyName()).isEqualTo("A Yilmaz");
        assertThat(slashes.counterpartyIban()).contains(Iban.parse("NL55RABO0300500700"));
        assertThat(slashes.paymentReference()).contains("guests-maart");
        StatementLine labels = statement.lines().get(1);
        assertThat(labels.counterpartyName()).isEqualTo("Supermarkt Middelland");
        assertThat(labels.counterpartyIban()).contains(Iban.parse("NL36INGB0007654321"));
        assertThat(labels.description()).isEqualTo("Boodschappen maaltijd");
        assertThat(statement.lines().get(2).description()).startsWith("BEA, Betaalpas");
        StatementChecks.requireImportable(statement);
    }

    @Test
    void splitsAnAbnAmroFileOfTwoAccountsIntoTwoStatements() {
        String two = Files.text("statements/abnamro-maart.TAB")
                + "123456789\tEUR\t20260311\t100,00\t90,00\t20260311\t-10,00\tKosten\n";
        StatementFile file = StatementReader.read(two.getBytes(StandardCharsets.UTF_8), StatementFormat.CSV_ABNAMRO);
        assertThat(file.statements()).extracting(s -> s.header().accountId()).containsExactly("417164300", "123456789");
    }

    @Test
    void readsATriodosFileInWindows1252() {
        byte[] latin = Files.text("statements/triodos-maart.csv").replace("Keukenverhuur BV", "Keukenverhuur Café")
                .getBytes(Charset.forName("windows-1252"));
        BankStatement statement = StatementReader.read(latin, StatementFormat.CSV_TRIODOS).statements().get(0);
        assertThat(statement.header().iban()).isEqualTo(Iban.parse("NL15TRIO0454545454"));
        assertThat(statement.lines()).extracting(StatementLine::amount)
                .containsExactly(Money.eur("250.00"), Money.eur("-1043.20"), Money.eur("-6.80"));
        assertThat(statement.lines().get(1).counterpartyName()).isEqualTo("Keukenverhuur Café");
        assertThat(statement.header().openingBalance()).isEqualTo(Money.eur("1000.00"));
        assertThat(statement.header().closingBalance()).isEqualTo(Money.eur("200.00"));
        assertThat(statement.lines().get(0).paymentReference()).contains("grant-2026");
        StatementChecks.requireImportable(statement);
    }

    @Test
    void refusesAnUnknownColumn() {
        String text = Files.text("samples/csv/ing-nl-synthetic.csv").replace(";\"Tag\"", ";\"Tag\";\"Extra\"");
        assertRefused(text, StatementFormat.CSV_ING, StatementRefused.Reason.CSV_COLUMNS);
    }

    @Test
    void refusesAMissingColumn() {
        String text = Files.text("samples/csv/rabobank-synthetic.csv").replace("\"Koers\"", "").replace(",\n", "\n");
        assertRefused(text.replace(",\"IBAN/BBAN\"", ""), StatementFormat.CSV_RABOBANK, StatementRefused.Reason.CSV_COLUMNS);
        assertRefused(Files.text("samples/csv/rabobank-synthetic.csv").replace("\"Munt\",", ""), StatementFormat.CSV_RABOBANK,
                StatementRefused.Reason.CSV_COLUMNS);
    }

    @Test
    void refusesARenamedOrMovedColumn() {
        assertRefused(Files.text("samples/csv/ing-nl-synthetic.csv").replace("\"Af Bij\"", "\"Richting\""), StatementFormat.CSV_ING,
                StatementRefused.Reason.CSV_COLUMNS);
        assertRefused(Files.text("samples/csv/ing-nl-synthetic.csv"), StatementFormat.CSV_RABOBANK, StatementRefused.Reason.CSV_COLUMNS);
    }

    @Test
    void refusesARowWithAColumnMoreOrLess() {
        String text = Files.text("samples/csv/ing-nl-synthetic.csv").replace(";\"402,50\";\"\"", ";\"402,50\"");
        assertRefused(text, StatementFormat.CSV_ING, StatementRefused.Reason.CSV_COLUMNS);
        assertRefused(Files.text("statements/abnamro-maart.TAB").replace("\t-6,50\t", "\t-6,50\textra\t"), StatementFormat.CSV_ABNAMRO,
                StatementRefused.Reason.CSV_COLUMNS);
        assertRefused("\"Datum\",\"Rekening\",\"Bedrag\"\n" + Files.text("statements/triodos-maart.csv"), StatementFormat.CSV_TRIODOS,
                StatementRefused.Reason.CSV_COLUMNS);
    }

    @Test
    void refusesALineInAnotherCurrency() {
        String text = Files.text("samples/csv/rabobank-synthetic.csv").replace("\"NL50RABO0123456789\",\"EUR\",\"RABONL2U\",\"000000000000000102\"",
                "\"NL50RABO0123456789\",\"USD\",\"RABONL2U\",\"000000000000000102\"");
        assertRefused(text, StatementFormat.CSV_RABOBANK, StatementRefused.Reason.NOT_EUR);
        assertRefused(Files.text("statements/abnamro-maart.TAB").replace("417164300\tEUR\t20260305", "417164300\tGBP\t20260305"),
                StatementFormat.CSV_ABNAMRO, StatementRefused.Reason.NOT_EUR);
    }

    @Test
    void refusesUnreadableValues() {
        assertRefused(Files.text("samples/csv/ing-nl-synthetic.csv").replace("\"48,75\"", "\"48,7,5\""), StatementFormat.CSV_ING,
                StatementRefused.Reason.LINE_UNREADABLE);
        assertRefused(Files.text("samples/csv/ing-nl-synthetic.csv").replace("\"Af\"", "\"Weg\""), StatementFormat.CSV_ING,
                StatementRefused.Reason.LINE_UNREADABLE);
        assertRefused(Files.text("samples/csv/ing-nl-synthetic.csv").replace("\"20250214\"", "\"20250231\""), StatementFormat.CSV_ING,
                StatementRefused.Reason.LINE_UNREADABLE);
        assertRefused(Files.text("samples/csv/ing-nl-synthetic.csv").replace("\"48,75\"", "\"48,756\""), StatementFormat.CSV_ING,
                StatementRefused.Reason.LINE_UNREADABLE);
        assertRefused(Files.text("statements/triodos-maart.csv").replace("\"Debet\"", "\"Af\""), StatementFormat.CSV_TRIODOS,
                StatementRefused.Reason.LINE_UNREADABLE);
        assertRefused(Files.text("samples/csv/ing-nl-synthetic.csv").replace("\"Tuincentrum", "\"Tuin\"centrum"), StatementFormat.CSV_ING,
                StatementRefused.Reason.LINE_UNREADABLE);
    }

    @Test
    void refusesAQuoteThatIsNeverClosed() {
        assertRefused(Files.text("samples/csv/ing-nl-synthetic.csv").replace("AB123C\"", "AB123C"), StatementFormat.CSV_ING,
                StatementRefused.Reason.LINE_UNREADABLE);
        String unclosedAtTheEnd = Files.text("samples/csv/ing-nl-synthetic.csv").strip();
        assertRefused(unclosedAtTheEnd.substring(0, unclosedAtTheEnd.length() - 1), StatementFormat.CSV_ING,
                StatementRefused.Reason.LINE_UNREADABLE);
        assertRefused(Files.text("samples/csv/ing-nl-synthetic.csv").replace("\"Tag\"", "\"Tag"), StatementFormat.CSV_ING,
                StatementRefused.Reason.CSV_COLUMNS);
    }

    @Test
    void refusesAHeaderWithoutLines() {
        String header = Files.text("samples/csv/ing-nl-synthetic.csv").lines().findFirst().orElseThrow();
        assertRefused(header + "\n", StatementFormat.CSV_ING, StatementRefused.Reason.EMPTY);
    }

    @Test
    void theLayoutIsNamedInTheRequest() {
        assertThat(CsvLayout.fromParameter("ing")).isEqualTo(CsvLayout.ING);
        assertThat(CsvLayout.fromParameter("AbnAmro")).isEqualTo(CsvLayout.ABNAMRO);
        assertThat(CsvLayout.fromParameter("triodos").format()).isEqualTo(StatementFormat.CSV_TRIODOS);
        assertThatThrownBy(() -> CsvLayout.fromParameter("bunq")).isInstanceOf(StatementRefused.class)
                .extracting(e -> ((StatementRefused) e).code()).isEqualTo("statement-csv-layout-unknown");
        assertThatThrownBy(() -> CsvLayout.fromParameter(null)).isInstanceOf(StatementRefused.class);
    }

    static void assertRefused(String text, StatementFormat format, StatementRefused.Reason reason) {
        assertThatThrownBy(() -> StatementReader.read(text.getBytes(StandardCharsets.UTF_8), format))
                .isInstanceOf(StatementRefused.class).satisfies(e -> assertThat(((StatementRefused) e).reason()).isEqualTo(reason));
    }
}
