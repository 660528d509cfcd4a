package nl.wederkerig.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CI runs the harness at its smallest size to prove it still works end to end. It checks that
 * every row is there and holds a number; it never judges the numbers (no timed tests).
 */
class BenchmarksTest {

    @Test
    void theSmallRunProducesEveryRowWithAFigureWhereMeasurable() throws Exception {
        Benchmarks.Report report = Benchmarks.run(Size.SMALL, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<Row> rows = report.rows();

        assertThat(report.database()).startsWith("H2");
        assertThat(rows).extracting(Row::figure).anySatisfy(figure -> assertThat(figure).startsWith("start-up to ready"));
        // Measured when the packaged jar is built, else "not yet measurable"; either way each row is there.
        assertThat(rows).filteredOn(row -> row.figure().startsWith("start-up to ready, packaged jar")).isNotEmpty();
        if (rows.stream().anyMatch(row -> row.figure().startsWith("start-up to ready, packaged jar") && row.measurable())) {
            // With the jar built, also the starts people live with: an existing database, empty and with the run's book.
            assertThat(rows).filteredOn(row -> row.figure().contains("existing database") && row.measurable()).extracting(Row::figure)
                    .contains("start-up to ready, packaged jar in its own JVM (java -jar, existing database, nothing to migrate)",
                            "start-up to ready, packaged jar in its own JVM (java -jar, existing database: the run's book)");
        }
        assertThat(rows).filteredOn(row -> row.figure().contains("resident set size, packaged app")).hasSize(2);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("HTTP command latency, 1 client thread")).hasSize(2);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("raw JDBC insert ceiling")).hasSize(2);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("command gateway")).hasSize(2);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("HTTP commands")).hasSize(4);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("HTTP commands, bcrypt on every request")).hasSize(2);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("replay of all existing read models")).hasSize(1);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("rebuild command, beside then swap") && row.measurable()).hasSize(1);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("heap used after replay")).hasSize(1);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("balance query")).hasSize(2);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("trust history query") && row.measurable()).hasSize(2);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("initiative report query") && row.measurable()).hasSize(2);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("reciprocity statement query") && row.measurable()).hasSize(2);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("replay of all existing read models")).singleElement()
                .satisfies(replay -> assertThat(replay.figure()).contains("balance", "trust history", "journal",
                        "initiative report", "reciprocity statement", "role check"));
        assertThat(rows).filteredOn(row -> row.figure().startsWith("journal query") && row.measurable()).hasSize(2);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("role check query") && row.measurable()).hasSize(2);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("replay of all existing read models"))
                .singleElement().satisfies(replay -> assertThat(replay.baseline()).startsWith("hledger balancing the same book"));
        assertThat(rows).filteredOn(row -> row.figure().startsWith("same book balanced by ledger") && row.measurable()).hasSize(1);
        assertThat(rows).filteredOn(row -> row.figure().startsWith("page ") && row.measurable()).extracting(Row::figure)
                .contains("page home (Mijn overzicht) (16 users), p99", "page advances (16 users), p99", "page treasury (16 users), p99",
                        "page coordinator (16 users), p99", "page partner (16 users), p99",
                        "page home (Mijn overzicht) (1 user), p99", "page treasury (1 user), p99",
                        "page coordinator: partner entries (1 user), p99", "page partner (1 user), p99");
        assertThat(rows).filteredOn(row -> row.figure().startsWith("outsider's 404 for someone else's advance") && row.measurable())
                .hasSize(4).allSatisfy(row -> assertThat(row.baseline()).startsWith("the same for an id nobody used"));

        assertThat(rows).filteredOn(Row::measurable).allSatisfy(row -> assertThat(row.value()).isPositive());
        assertThat(rows).filteredOn(row -> !Double.isNaN(row.baselineValue()))
                .allSatisfy(row -> assertThat(row.baselineValue()).isPositive());
    }

    @Test
    void theTablePrintsOneLinePerRowUnderAHeader() {
        List<Row> rows = List.of(
                Row.measured("command gateway, 1 thread", "10 commands", 250, "commands/s").against("JDBC ceiling", 2500, "rows/s"),
                Row.notYet("trust history query", "being built"));
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        Table.print(rows, new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(text.toString(StandardCharsets.UTF_8).lines().toList())
                .hasSize(4)
                .element(2).asString().contains("250 commands/s").contains("2,500 rows/s").contains("| 0.10 |");
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("not yet measurable: being built");
    }
}
