package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticCamt053Test {

    static final Iban ACCOUNT = SyntheticCamt053.dutchIban("ABNA", 417164300L);

    @Test
    void writesValidIbans() {
        assertThat(ACCOUNT).isEqualTo(Iban.parse("NL91ABNA0417164300"));
    }

    /** The benchmark's file: 5,000 lines, well under the 5 MiB limit, read back exactly and adding up. */
    @Test
    void aFiveThousandLineStatementReadsBackExactly() {
        LocalDate from = LocalDate.parse("2026-01-01");
        List<SyntheticCamt053.Line> lines = SyntheticCamt053.lines(5_000, from, 365, 42);
        byte[] xml = SyntheticCamt053.xml(ACCOUNT, Money.eur("1000.00"), from, from.plusDays(364), lines);
        assertThat(xml.length).isLessThan(StatementReader.MAX_FILE_BYTES);
        BankStatement statement = StatementReader.read(xml, StatementFormat.CAMT053).statements().get(0);
        assertThat(statement.lines()).hasSize(5_000);
        StatementChecks.requireImportable(statement);
        long expected = lines.stream().mapToLong(SyntheticCamt053.Line::amountCents).sum();
        assertThat(statement.sumOfLines().cents()).isEqualTo(expected);
        assertThat(statement.lines()).extracting(l -> l.reference().value()).doesNotHaveDuplicates();
        assertThat(statement.lines().get(3).paymentReference()).contains("gen-3");
        assertThat(statement.lines().get(4).paymentReference()).isEmpty();
        assertThat(statement.lines().get(7).counterpartyIban()).isPresent();
        assertThat(SyntheticCamt053.lines(10, from, 5, 42)).isEqualTo(SyntheticCamt053.lines(10, from, 5, 42));
    }
}
