package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Mt940ParserTest {

    @Test
    void readsAnIngStatementWrittenWithKnownTotals() {
        BankStatement february = Files.read("statements/mt940-ing-februari.txt", StatementFormat.MT940).statements().get(0);
        StatementHeader header = february.header();
        assertThat(header.accountId()).isEqualTo("NL20INGB0001234567"); // the currency after the IBAN is dropped
        assertThat(header.iban()).isEqualTo(Iban.parse("NL20INGB0001234567"));
        assertThat(header.statementId()).isEqualTo("P260301000000001/00012");
        assertThat(header.from()).isEqualTo(LocalDate.parse("2026-02-01"));
        assertThat(header.to()).isEqualTo(LocalDate.parse("2026-02-28"));
        assertThat(header.openingBalance()).isEqualTo(Money.eur("500.00"));
        assertThat(header.closingBalance()).isEqualTo(Money.eur("505.15"));
        assertThat(february.lines()).extracting(StatementLine::amount)
                .containsExactly(Money.eur("25.00"), Money.eur("-18.75"), Money.eur("-1.10"));
        StatementChecks.requireImportable(february);

        StatementLine guests = february.lines().get(0);
        assertThat(guests.bookingDate()).isEqualTo(LocalDate.parse("2026-02-03"));
        assertThat(guests.counterpartyName()).isEqualTo("A Yilmaz");
        assertThat(guests.counterpartyIban()).contains(Iban.parse("NL55RABO0300500700"));
        assertThat(guests.reference()).isEqualTo(new EntryReference("26034000100001", EntryReference.Kind.BANK));
        // the reference was wrapped over two :86: lines; SWIFT continuation lines join without a space
        assertThat(guests.paymentReference()).contains("guests-feb");
        assertThat(guests.sourceText()).startsWith(":61:2602030203C25,").contains(":86:/CNTP/NL55RABO0300500700");
        assertThat(february.lines().get(1).description()).isEqualTo("Boodschappen");
    }

    /** Public sample (zilverline): 21 lines, adds up, bank references after //. */
    @Test
    void readsTheIngSample() {
        BankStatement statement = Files.read("samples/mt940/zilverline-ing_mt940_iban.txt", StatementFormat.MT940).statements().get(0);
        assertThat(statement.lines()).hasSize(21);
        assertThat(statement.header().openingBalance()).isEqualTo(Money.eur("436.90"));
        assertThat(statement.header().closingBalance()).isEqualTo(Money.eur("246.45"));
        assertThat(statement.discrepancy()).contains(Money.eur("0.00"));
        StatementLine first = statement.lines().get(0);
        assertThat(first.amount()).isEqualTo(Money.eur("-192.36"));
        assertThat(first.bookingDate()).isEqualTo(LocalDate.parse("2014-08-25"));
        assertThat(first.counterpartyName()).isEqualTo("B Bert");
        assertThat(first.counterpartyAccount()).isEqualTo("NL57ABNA0876543211");
        assertThat(first.counterpartyIban()).isEmpty(); // the sample's IBANs have wrong check digits
        assertThat(first.description()).isEqualTo("22-08-2014 Omschrijving");
        assertThat(first.reference()).isEqualTo(new EntryReference("14237654096217", EntryReference.Kind.BANK));
        assertThat(statement.lines()).extracting(l -> l.reference().kind()).containsOnly(EntryReference.Kind.BANK);
        assertThat(statement.lines()).extracting(l -> l.reference().value()).doesNotHaveDuplicates();
    }

    /** Public sample (zilverline): Rabobank's structured MT940, two daily statements in one file that connect. */
    @Test
    void readsTheRabobankSampleAsTwoConnectingStatements() {
        StatementFile file = Files.read("samples/mt940/zilverline-rabobank_mt940_structured.txt", StatementFormat.MT940);
        assertThat(file.statements()).hasSize(2);
        BankStatement first = file.statements().get(0);
        BankStatement second = file.statements().get(1);
        assertThat(first.lines()).hasSize(2);
        assertThat(second.lines()).hasSize(7);
        assertThat(second.header().openingBalance()).isEqualTo(first.header().closingBalance());
        assertThat(first.discrepancy()).contains(Money.eur("0.00"));
        assertThat(second.discrepancy()).contains(Money.eur("0.00"));
        StatementLine nespresso = first.lines().get(0);
        assertThat(nespresso.amount()).isEqualTo(Money.eur("-127.50"));
        assertThat(nespresso.counterpartyName()).isEqualTo("Nespresso Nederland B.V."); // joined across the wrap
        assertThat(nespresso.counterpartyIban()).contains(Iban.parse("NL96RBOS0523149468")); // from the line after :61:
        assertThat(nespresso.reference().kind()).isEqualTo(EntryReference.Kind.CONTENT_HASH); // Rabobank gives no // reference
        assertThat(second.lines().get(3).bookingDate()).isEqualTo(LocalDate.parse("2013-04-01"));
    }

    /** Public sample (zilverline): ABN AMRO's header lines before :20:, labels in :86:, a national account number; does not add up by €0.50. */
    @Test
    void readsTheAbnAmroSampleWhichDoesNotAddUp() {
        BankStatement statement = Files.read("samples/mt940/zilverline-abn_abn_sepa_overboeking.txt", StatementFormat.MT940)
                .statements().get(0);
        assertThat(statement.header().accountId()).isEqualTo("555555555");
        assertThat(statement.header().iban()).isNull();
        assertThat(statement.header().identifies(Iban.parse("NL02ABNA0123456789"))).isFalse();
        StatementLine line = statement.lines().get(0);
        assertThat(line.amount()).isEqualTo(Money.eur("10.50"));
        assertThat(line.counterpartyName()).isEqualTo("AA GHGHGH NETHERLANDS B.V.");
        assertThat(line.counterpartyAccount()).isEqualTo("NL56CHAS0101010101");
        assertThat(line.description()).isEqualTo("1412DEC 2015 CONSU LTING 7541410");
        assertThat(statement.discrepancy()).contains(Money.eur("0.50"));
        assertThatThrownBy(() -> StatementChecks.requireImportable(statement)).isInstanceOf(StatementRefused.class)
                .extracting(e -> ((StatementRefused) e).reason()).isEqualTo(StatementRefused.Reason.DOES_NOT_ADD_UP);
    }

    /** Public sample (zilverline): Knab, whole-euro amounts without decimals ("1000,"), REK:/NAAM: labels. */
    @Test
    void readsTheKnabSample() {
        BankStatement statement = Files.read("samples/mt940/zilverline-knab_knab.txt", StatementFormat.MT940).statements().get(0);
        assertThat(statement.lines()).extracting(StatementLine::amount).containsExactly(Money.eur("1000.00"), Money.eur("10.00"));
        assertThat(statement.lines().get(1).counterpartyName()).isEqualTo("STICHTING DERDEN JAAP JANSSEN");
        assertThat(statement.lines().get(1).counterpartyAccount()).isEqualTo("NL76INGB0444444444");
        assertThat(statement.lines().get(1).description()).isEqualTo("DIT IS EEN OMSCHRIJVING DIE BEST WEL LANG IS");
        assertThat(statement.header().closingBalance()).isEqualTo(Money.eur("1010.00"));
        StatementChecks.requireImportable(statement);
    }

    /** Public sample (zilverline): Triodos, bare (no SWIFT blocks), a bank-prefixed account number, >2x subfields. */
    @Test
    void readsTheTriodosSample() {
        BankStatement statement = Files.read("samples/mt940/zilverline-triodos_iban.txt", StatementFormat.MT940).statements().get(0);
        assertThat(statement.header().accountId()).isEqualTo("TRIODOSBANK/0454545454");
        assertThat(statement.header().identifies(Iban.parse("NL15TRIO0454545454"))).isTrue();
        assertThat(statement.lines()).extracting(StatementLine::amount)
                .containsExactly(Money.eur("1000.00"), Money.eur("-42.00"), Money.eur("-10.00"));
        assertThat(statement.lines().get(0).counterpartyAccount()).isEqualTo("NL12RABO0888888888");
        assertThat(statement.lines().get(0).description()).startsWith("METSELAARBAASIK").contains("AANDELENKAPITAAL");
        StatementChecks.requireImportable(statement);
    }

    @ParameterizedTest
    @ValueSource(strings = {":62F:C260228EUR505,15", ":61:2602280228D1,10NDDTNONREF//26059000300003", ":86:/REMI/USTD//Kosten"})
    void refusesAStatementCutOffBeforeItsClosingBalance(String cutAt) {
        String full = Files.text("statements/mt940-ing-februari.txt");
        String truncated = full.substring(0, full.indexOf(cutAt) + cutAt.length() / 2);
        assertRefused(truncated, StatementRefused.Reason.TRUNCATED);
    }

    @Test
    void refusesABareStatementWithoutClosingBalance() {
        String full = Files.text("samples/mt940/zilverline-triodos_iban.txt");
        assertRefused(full.substring(0, full.indexOf(":62F:")), StatementRefused.Reason.TRUNCATED);
    }

    @Test
    void refusesTheLastOfSeveralStatementsWhenItIsCutOff() {
        String full = Files.text("samples/mt940/zilverline-rabobank_mt940_structured.txt");
        assertRefused(full.substring(0, full.lastIndexOf(":62F:")), StatementRefused.Reason.TRUNCATED);
    }

    @Test
    void refusesAStatementWithoutOpeningBalance() {
        String text = Files.text("statements/mt940-ing-februari.txt").replace(":60F:C260131EUR500,00\r\n", "");
        assertRefused(text, StatementRefused.Reason.TRUNCATED);
    }

    @Test
    void refusesAnotherCurrency() {
        assertRefused(Files.text("statements/mt940-ing-februari.txt").replace("EUR500,00", "USD500,00"), StatementRefused.Reason.NOT_EUR);
        assertRefused(Files.text("statements/mt940-ing-februari.txt").replace(":61:2602100210D18,75N", ":61:2602100210DD18,75N"),
                StatementRefused.Reason.NOT_EUR);
    }

    @Test
    void refusesTextThatIsNotMt940() {
        assertRefused("Dit is geen bankafschrift.\nMaar een brief.", StatementRefused.Reason.NOT_MT940);
    }

    @Test
    void refusesAnUnreadableLine() {
        assertRefused(Files.text("statements/mt940-ing-februari.txt").replace(":61:2602100210D18,75", ":61:2613450210D18,75"),
                StatementRefused.Reason.LINE_UNREADABLE);
    }

    static void assertRefused(String text, StatementRefused.Reason reason) {
        assertThatThrownBy(() -> StatementReader.read(text.getBytes(StandardCharsets.UTF_8), StatementFormat.MT940))
                .isInstanceOf(StatementRefused.class).satisfies(e -> assertThat(((StatementRefused) e).reason()).isEqualTo(reason));
    }
}
