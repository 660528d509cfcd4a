package nl.wederkerig.core.harness;

import nl.wederkerig.core.journal.BalanceAssertion;
import nl.wederkerig.core.journal.Hledger;
import nl.wederkerig.core.journal.Journal;
import nl.wederkerig.core.journal.JournalEntry;
import nl.wederkerig.core.journal.Posting;
import nl.wederkerig.core.reconciliation.PeriodReopened;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The same kind of run with closes: i0 closed through a day in the middle of the run, reopened by
     * its second treasurer, closed again later; i1 closed at the end. Random commands dated into a
     * closed period are refused meanwhile. The export carries each close in force as a balance
     * assertion, and hledger must verify every one of them.
     */
    @Test
    void hledgerChecksEveryCloseAsABalanceAssertion(@TempDir Path dir) throws Exception {
        List<Object> events = randomRunWithCloses(new Random(20261124), 600);
        List<String> blocks = new java.util.ArrayList<>();
        Journal journal = new Journal();
        Set<BalanceAssertion.Key> withdrawn = new HashSet<>();
        events.forEach(event -> Journal.withdrawnAssertionFor(event).ifPresent(withdrawn::add));
        int assertions = 0;
        for (Object event : events) {
            journal.entryFor(event).ifPresent(entry -> blocks.add(Hledger.format(entry)));
            Optional<BalanceAssertion> assertion = Journal.assertionFor(event).filter(a -> !withdrawn.contains(a.key()));
            if (assertion.isPresent()) {
                blocks.add(Hledger.format(assertion.get()));
                assertions++;
            }
        }
        assertThat(assertions).as("closes in force").isGreaterThanOrEqualTo(2);
        assertThat(withdrawn).as("a reopened close").isNotEmpty();
        assertThat(events).anyMatch(e -> e instanceof PeriodReopened);
        Path file = dir.resolve("closed.journal");
        Files.writeString(file, "decimal-mark .\n\n" + String.join("\n", blocks), StandardCharsets.UTF_8);
        assertThat(run("hledger", "-f", file.toString(), "check")).isEmpty();

        // and a wrong assertion is caught: the oracle is not a rubber stamp
        String wrong = Files.readString(file).replaceFirst("= ([0-9]+)\\.([0-9]{2}) EUR", "= 9$1.$2 EUR");
        Path broken = dir.resolve("broken.journal");
        Files.writeString(broken, wrong, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("hledger", "-f", broken.toString(), "check").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
    }

    private static List<Object> randomRunWithCloses(Random random, int steps) {
        try (LedgerHarness ledger = new LedgerHarness(CLOCK)) {
            Driver driver = new Driver(TODAY);
            Reconciler reconciler = new Reconciler(ledger, TODAY);
            driver.setUp().forEach(ledger::send);
            // treasurers stay (in their role and in the wijk), so someone is there to close and a second person to reopen
            Step.Kind[] kinds = java.util.Arrays.stream(Step.Kind.values())
                    .filter(k -> k != Step.Kind.REVOKE_TREASURER && k != Step.Kind.DEREGISTER_MEMBER)
                    .toArray(Step.Kind[]::new);
            for (int i = 0; i < steps; i++) {
                if (i == steps / 3) {
                    assertThat(reconciler.closeThrough(Driver.initiative(0), TODAY.minusDays(3))).isPresent();
                } else if (i == steps / 2) {
                    assertThat(reconciler.reopenLatest(Driver.initiative(0))).isPresent();
                }
                Step step = new Step(kinds[random.nextInt(kinds.length)], random.nextInt(6) > 0, random.nextInt(5),
                        random.nextInt(5), random.nextInt(30), random.nextInt(200), 1 + random.nextInt(20_000), random.nextInt(5));
                ledger.send(driver.commandFor(step));
            }
            assertThat(reconciler.closeThrough(Driver.initiative(0), TODAY.minusDays(1))).isPresent();
            assertThat(reconciler.closeThrough(Driver.initiative(1), TODAY)).isPresent();
            return ledger.events();
        }
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
