package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.Money;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Camt053ParserTest {

    static final Iban AANSCHUIVEN = Iban.parse("NL91ABNA0417164300");

    @Test
    void readsAStatementWrittenWithKnownTotals() {
        StatementFile file = Files.read("statements/camt053-januari.xml", StatementFormat.CAMT053);
        assertThat(file.format()).isEqualTo(StatementFormat.CAMT053);
        assertThat(file.statements()).hasSize(1);
        BankStatement january = file.statements().get(0);
        StatementHeader header = january.header();
        assertThat(header.iban()).isEqualTo(AANSCHUIVEN);
        assertThat(header.identifies(AANSCHUIVEN)).isTrue();
        assertThat(header.statementId()).isEqualTo("AANSCHUIVEN-2026-01");
        assertThat(header.from()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(header.to()).isEqualTo(LocalDate.parse("2026-01-31"));
        assertThat(header.openingBalance()).isEqualTo(Money.eur("1250.00"));
        assertThat(header.closingBalance()).isEqualTo(Money.eur("1431.85"));
        // the pending entry is not a booking and is left out
        assertThat(january.lines()).extracting(StatementLine::amount)
                .containsExactly(Money.eur("250.00"), Money.eur("-43.20"), Money.eur("-23.45"), Money.eur("-1.50"));
        assertThat(january.sumOfLines()).isEqualTo(Money.eur("181.85"));
        assertThat(january.discrepancy()).contains(Money.eur("0.00"));
        StatementChecks.requireImportable(january);
    }

    @Test
    void takesCounterpartyDatesReferencesAndDescriptionFromEachEntry() {
        BankStatement january = Files.read("statements/camt053-januari.xml", StatementFormat.CAMT053).statements().get(0);
        StatementLine contribution = january.lines().get(0);
        assertThat(contribution.bookingDate()).isEqualTo(LocalDate.parse("2026-01-05"));
        assertThat(contribution.counterpartyName()).isEqualTo("Zorgcentrum De Linde");
        assertThat(contribution.counterpartyIban()).contains(Iban.parse("NL20INGB0001234567"));
        assertThat(contribution.reference()).isEqualTo(new EntryReference("ABN0105001", EntryReference.Kind.BANK));
        assertThat(contribution.paymentReference()).contains("bijdrage-jan");
        assertThat(contribution.description()).isEqualTo("Bijdrage januari WDK-bijdrage-jan");
        assertThat(contribution.sourceText()).startsWith("<Ntry").contains("<AcctSvcrRef>ABN0105001</AcctSvcrRef>", "Zorgcentrum De Linde");

        StatementLine groceries = january.lines().get(1);
        assertThat(groceries.valueDate()).isEqualTo(LocalDate.parse("2026-01-13"));
        assertThat(groceries.counterpartyName()).isEqualTo("Supermarkt Middelland"); // the creditor of a debit

        StatementLine claim = january.lines().get(2);
        assertThat(claim.reference().value()).isEqualTo("ABN0120003"); // from the transaction's references
        assertThat(claim.paymentReference()).contains("claim-17"); // upper case in the bank's text
        assertThat(claim.description()).contains("E2E-0120");

        StatementLine costs = january.lines().get(3);
        assertThat(costs.reference().kind()).isEqualTo(EntryReference.Kind.CONTENT_HASH);
        assertThat(costs.reference().value()).matches("h-[0-9a-f]{32}");
        assertThat(costs.counterpartyName()).isNull();
        assertThat(costs.description()).isEqualTo("Kosten betalingsverkeer januari");
    }

    @Test
    void theFollowingMonthConnects() {
        BankStatement january = Files.read("statements/camt053-januari.xml", StatementFormat.CAMT053).statements().get(0);
        BankStatement february = Files.read("statements/camt053-februari.xml", StatementFormat.CAMT053).statements().get(0);
        assertThat(february.header().from()).isEqualTo(january.header().to().plusDays(1));
        assertThat(february.header().openingBalance()).isEqualTo(january.header().closingBalance());
        assertThat(february.header().closingBalance()).isEqualTo(Money.eur("1384.35"));
        StatementChecks.requireImportable(february);
    }

    @Test
    void contentHashesAreStableAcrossReads() {
        byte[] bytes = Files.bytes("statements/camt053-januari.xml");
        assertThat(StatementReader.read(bytes, StatementFormat.CAMT053).statements().get(0).lines())
                .isEqualTo(StatementReader.read(bytes, StatementFormat.CAMT053).statements().get(0).lines());
    }

    /** Public sample: two statements of one account, each adding up; the first's period (2007) does not hold its line (2014). */
    @Test
    void readsTheGenkgoMultiStatementSample() {
        StatementFile file = Files.read("samples/camt053/genkgo-camt053.v2.multi.statement.xml", StatementFormat.CAMT053);
        assertThat(file.statements()).hasSize(2);
        BankStatement first = file.statements().get(0);
        BankStatement second = file.statements().get(1);
        assertThat(first.header().iban()).isEqualTo(Iban.parse("NL26VAYB8060476890"));
        assertThat(first.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualTo(Money.eur("8.85"));
            assertThat(line.bookingDate()).isEqualTo(LocalDate.parse("2014-12-31"));
            assertThat(line.valueDate()).isEqualTo(LocalDate.parse("2015-01-02"));
            assertThat(line.description()).contains("Transaction Description 1");
        });
        assertThat(second.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualTo(Money.eur("-7.00"));
            assertThat(line.counterpartyName()).isEqualTo("Company Name 2");
            assertThat(line.counterpartyIban()).contains(Iban.parse("NL56AGDH9619008421"));
        });
        assertThat(first.discrepancy()).contains(Money.eur("0.00"));
        assertThat(second.discrepancy()).contains(Money.eur("0.00"));
        StatementChecks.requireAddsUp(first);
        assertThatThrownBy(() -> StatementChecks.requireImportable(first)).isInstanceOf(StatementRefused.class)
                .extracting(e -> ((StatementRefused) e).reason()).isEqualTo(StatementRefused.Reason.LINE_OUTSIDE_PERIOD);
        StatementChecks.requireImportable(second);
    }

    /** Public sample whose closing balance is in SEK (and available balances in CHF and JPY): a statement we cannot book. */
    @Test
    void refusesTheGenkgoMinimalSampleForItsSwedishClosingBalance() {
        assertRefused(Files.bytes("samples/camt053/genkgo-camt053.v2.minimal.xml"), StatementRefused.Reason.NOT_EUR);
    }

    @Test
    void refusesAnEntryInAnotherCurrency() {
        String xml = Files.text("statements/camt053-januari.xml").replace("<Amt Ccy=\"EUR\">43.20</Amt>", "<Amt Ccy=\"USD\">43.20</Amt>");
        assertRefused(xml, StatementRefused.Reason.NOT_EUR);
    }

    @Test
    void refusesAnAccountKeptInAnotherCurrency() {
        String xml = Files.text("statements/camt053-januari.xml").replace("<Ccy>EUR</Ccy>", "<Ccy>GBP</Ccy>");
        assertRefused(xml, StatementRefused.Reason.NOT_EUR);
    }

    @Test
    void refusesExternalEntities() {
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Document [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>&xxe;</Id>
                </Stmt></BkToCstmrStmt></Document>""";
        assertRefused(xxe, StatementRefused.Reason.XML_DOCTYPE);
    }

    @Test
    void refusesAnExternalDtdWithoutFetchingIt() {
        String external = """
                <?xml version="1.0"?>
                <!DOCTYPE Document SYSTEM "http://127.0.0.1:9/evil.dtd">
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>""";
        assertRefused(external, StatementRefused.Reason.XML_DOCTYPE);
    }

    @Test
    void refusesParameterEntities() {
        String parameter = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [ <!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote; ]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>""";
        assertRefused(parameter, StatementRefused.Reason.XML_DOCTYPE);
    }

    @Test
    void refusesTheBillionLaughs() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE Document [" + entities + "]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>&lol9;</Id>"
                + "</Stmt></BkToCstmrStmt></Document>";
        long started = System.nanoTime();
        assertRefused(bomb, StatementRefused.Reason.XML_DOCTYPE);
        assertThat((System.nanoTime() - started) / 1_000_000).as("refused before expanding anything").isLessThan(2_000);
    }

    @Test
    void refusesXmlThatIsNotACamt053Statement() {
        assertRefused("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.052.001.02\"/>",
                StatementRefused.Reason.NOT_CAMT053);
        assertRefused("<html><body>hallo</body></html>", StatementRefused.Reason.NOT_CAMT053);
        assertRefused("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>",
                StatementRefused.Reason.NOT_CAMT053);
        assertRefused("not xml at all", StatementRefused.Reason.NOT_CAMT053);
    }

    @Test
    void refusesAFileCutOffHalfway() {
        String xml = Files.text("statements/camt053-januari.xml");
        assertRefused(xml.substring(0, xml.length() / 2), StatementRefused.Reason.NOT_CAMT053);
    }

    @Test
    void refusesAnEntryWithoutBookingDate() {
        String xml = Files.text("statements/camt053-januari.xml").replace("<BookgDt><Dt>2026-01-12</Dt></BookgDt>", "");
        assertRefused(xml, StatementRefused.Reason.LINE_UNREADABLE);
    }

    static void assertRefused(String xml, StatementRefused.Reason reason) {
        assertRefused(xml.getBytes(StandardCharsets.UTF_8), reason);
    }

    static void assertRefused(byte[] xml, StatementRefused.Reason reason) {
        assertThatThrownBy(() -> StatementReader.read(xml, StatementFormat.CAMT053)).isInstanceOf(StatementRefused.class)
                .satisfies(e -> {
                    assertThat(((StatementRefused) e).reason()).isEqualTo(reason);
                    assertThat(((StatementRefused) e).code()).isEqualTo(reason.code());
                });
    }
}
