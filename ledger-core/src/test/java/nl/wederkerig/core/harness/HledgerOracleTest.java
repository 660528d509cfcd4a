package nl.wederkerig.core.harness;

import nl.wederkerig.core.journal.Hledger;
import nl.wederkerig.core.journal.Journal;
import nl.wederkerig.core.journal.JournalEntry;
import nl.wederkerig.core.journal.Posting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * hledger as an independent oracle: the journal of a long random run must be accepted by
 * {@code hledger check} and give the same balance for every account. Needs hledger
 * ({@link RequiredTools}: fails, never skips, when it is missing).
 */
class HledgerOracleTest {

    @Test
    void hledgerAgreesWithEveryBalance(@TempDir Path dir) throws Exception {
        RequiredTools.require("hledger");
        List<JournalEntry> entries = Journal.entriesFor(randomRun(new Random(20261123), 600));
        assertThat(entries).hasSizeGreaterThan(100);
        Path file = dir.resolve("book.journal");
        Files.writeString(file, "decimal-mark .\n\n" + entries.stream().map(Hledger::format).collect(Collectors.joining("\n")),
                StandardCharsets.UTF_8);
        assertThat(run("hledger", "-f", file.toString(), "check")).isEmpty();
        Map<String, Set<String>> theirs = parse(run("hledger", "-f", file.toString(), "bal", "-O", "csv", "--flat"));
        assertThat(theirs.remove("total")).containsExactly("0");
        assertThat(theirs).isEqualTo(ours(entries));
    }

    private static List<Object> randomRun(Random random, int steps) {
        try (LedgerHarness ledger = new LedgerHarness(CLOCK)) {
            Driver driver = new Driver(TODAY);
            driver.setUp().forEach(ledger::send);
            // Nobody leaves: a long run should keep recording, and who leaves changes no account.
            Step.Kind[] kinds = java.util.Arrays.stream(Step.Kind.values()).filter(k -> k != Step.Kind.DEREGISTER_MEMBER)
                    .toArray(Step.Kind[]::new);
            for (int i = 0; i < steps; i++) {
                Step step = new Step(kinds[random.nextInt(kinds.length)], random.nextInt(6) > 0, random.nextInt(5),
                        random.nextInt(5), random.nextInt(30), random.nextInt(200), 1 + random.nextInt(20_000), random.nextInt(5));
                Object command = driver.commandFor(step);
                ledger.send(command).ifPresent(refused -> driver.refused(command));
            }
            return ledger.events();
        }
    }

    private static Map<String, Set<String>> ours(List<JournalEntry> entries) {
        Map<String, Map<String, java.math.BigDecimal>> sums = new TreeMap<>();
        for (JournalEntry entry : entries) {
            for (Posting p : entry.postings()) {
                sums.computeIfAbsent(p.account(), a -> new TreeMap<>()).merge(p.unit().name(), p.amount(), java.math.BigDecimal::add);
            }
        }
        Map<String, Set<String>> balances = new TreeMap<>();
        sums.forEach((account, perUnit) -> {
            Set<String> amounts = new HashSet<>();
            perUnit.forEach((unit, amount) -> {
                if (amount.signum() != 0) {
                    amounts.add(amount.toPlainString() + " " + unit);
                }
            });
            if (!amounts.isEmpty()) {
                balances.put(account, amounts);
            }
        });
        return balances;
    }

    private static Map<String, Set<String>> parse(String csv) {
        Map<String, Set<String>> balances = new TreeMap<>();
        csv.lines().skip(1).forEach(line -> {
            String[] cells = line.substring(1, line.length() - 1).split("\",\"");
            balances.put(cells[0], Set.of(cells[1].split(", ")));
        });
        return balances;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
