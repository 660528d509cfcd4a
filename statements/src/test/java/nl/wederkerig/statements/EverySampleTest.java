package nl.wederkerig.statements;

import nl.wederkerig.core.shared.Money;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public sample file, read in its format: what it yields is pinned here, so a change in any
 * parser shows up against real-world files. Public samples often do not add up; the reader still
 * reads them, and {@link StatementChecks} (which the import applies) says which would be refused.
 */
class EverySampleTest {

    /** file → format, statements, lines, sum of lines, and whether the import would accept every statement in it. */
    record Expected(StatementFormat format, int statements, int lines, String sum, boolean importable) {
    }

    static final Map<String, Expected> EXPECTED = Map.of(
            "camt053/genkgo-camt053.v2.multi.statement.xml", new Expected(StatementFormat.CAMT053, 2, 2, "1.85", false),
            "mt940/zilverline-abn_abn_sepa_overboeking.txt", new Expected(StatementFormat.MT940, 1, 1, "10.50", false),
            "mt940/zilverline-ing_mt940_iban.txt", new Expected(StatementFormat.MT940, 1, 21, "-190.45", true),
            "mt940/zilverline-knab_knab.txt", new Expected(StatementFormat.MT940, 1, 2, "1010.00", true),
            "mt940/zilverline-rabobank_mt940_structured.txt", new Expected(StatementFormat.MT940, 2, 9, "17698.39", true),
            "mt940/zilverline-triodos_iban.txt", new Expected(StatementFormat.MT940, 1, 3, "948.00", true),
            "csv/ing-nl-synthetic.csv", new Expected(StatementFormat.CSV_ING, 1, 2, "201.25", true),
            "csv/rabobank-synthetic.csv", new Expected(StatementFormat.CSV_RABOBANK, 1, 2, "201.25", true));

    /** Samples the reader refuses as a whole, and why. */
    static final Map<String, StatementRefused.Reason> REFUSED = Map.of(
            "camt053/genkgo-camt053.v2.minimal.xml", StatementRefused.Reason.NOT_EUR);

    @Test
    void everySampleFileIsCovered() throws IOException, URISyntaxException {
        Path root = Path.of(EverySampleTest.class.getResource("/samples").toURI());
        List<String> files;
        try (Stream<Path> walk = java.nio.file.Files.walk(root)) {
            files = walk.filter(java.nio.file.Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.equals("SOURCES.txt")).sorted().toList();
        }
        Map<String, Object> covered = new TreeMap<>(EXPECTED);
        covered.putAll(REFUSED);
        assertThat(files).containsExactlyInAnyOrderElementsOf(covered.keySet());
    }

    @Test
    void eachSampleYieldsWhatIsExpected() {
        EXPECTED.forEach((file, expected) -> {
            StatementFile read = Files.read("samples/" + file, expected.format());
            assertThat(read.statements()).as(file).hasSize(expected.statements());
            assertThat(read.lineCount()).as(file).isEqualTo(expected.lines());
            Money sum = read.statements().stream().map(BankStatement::sumOfLines).reduce(Money.zero(Money.EUR), Money::plus);
            assertThat(sum).as(file).isEqualTo(Money.eur(expected.sum()));
            assertThat(read.statements().stream().allMatch(StatementChecks::isImportable)).as(file).isEqualTo(expected.importable());
        });
    }

    @Test
    void eachRefusedSampleIsRefusedForItsReason() {
        REFUSED.forEach((file, reason) -> Camt053ParserTest.assertRefused(Files.bytes("samples/" + file), reason));
    }
}
