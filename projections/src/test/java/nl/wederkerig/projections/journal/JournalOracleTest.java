package nl.wederkerig.projections.journal;

import nl.wederkerig.core.journal.Unit;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.balances.AdvanceBalances;
import nl.wederkerig.projections.balances.NeighbourBalance;
import nl.wederkerig.projections.balances.PairBalance;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import nl.wederkerig.core.harness.Driver;
import nl.wederkerig.core.harness.LedgerHarness;
import nl.wederkerig.core.harness.Reconciler;
import nl.wederkerig.core.reconciliation.PeriodClosed;
import nl.wederkerig.core.reconciliation.PeriodReopened;
import nl.wederkerig.core.harness.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import nl.wederkerig.core.harness.RequiredTools;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The oracle: a random but valid book (the real aggregates decide what is valid) goes through the
 * journal read model and out as hledger text, and Debian's hledger, an independent implementation
 * of double-entry arithmetic, must accept the file and print the same balance for every account
 * and unit, as of the end and as of a date in the middle. The advance accounts are also checked
 * against the balances read model, which sums advances by a path that shares no code with the
 * journal. ledger-cli must read the file too. ./test installs both tools; a missing tool fails ({@link RequiredTools}).
 *
 * <p>The book has period closes too (a {@link Reconciler} imports each fund's bank movements as a
 * statement, matches them and closes), one of them reopened and closed again later: every close in
 * force is a balance assertion in the file, which both tools check on every command they run.
 */
class JournalOracleTest {

    static final int MIN_EVENTS = 2_000;
    static final int MAX_STEPS = 60_000;
    static final long SEED = 20_261_123L;
    static final long TOOL_TIMEOUT_SECONDS = 30;
    static final ZoneId LEDGER_ZONE = ZoneId.of("Europe/Amsterdam");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    /** Kinds a random step may take; roles and limits are left alone so the book keeps moving. */
    static final List<Step.Kind> KINDS = List.of(Step.Kind.values()).stream()
            .filter(kind -> kind != Step.Kind.REVOKE_TREASURER && kind != Step.Kind.SET_ADVANCE_LIMIT)
            .toList();

    static List<Object> events;
    static JdbcTemplate jdbc;
    static JournalPostings journal;
    static AdvanceBalances advances;
    static LedgerHarness harness;

    @TempDir
    static Path dir;

    @BeforeAll
    static void recordARandomBook() {
        Clock clock = Clock.fixed(TODAY.atTime(12, 0).atZone(LEDGER_ZONE).toInstant(), LEDGER_ZONE);
        harness = new LedgerHarness(clock);
        Driver driver = new Driver(TODAY, Driver.FRESH_COMMAND_IDS);
        for (Object command : driver.setUp()) {
            harness.send(command).ifPresent(e -> fail("setting up the community failed: " + command, e));
        }
        Random random = new Random(SEED);
        Reconciler reconciler = new Reconciler(harness, TODAY);
        int closesDone = 0;
        for (int step = 0; step < MAX_STEPS && harness.events().size() < MIN_EVENTS + 400; step++) {
            harness.send(driver.commandFor(randomStep(random, step)));
            int recorded = harness.events().size();
            if (closesDone == 0 && recorded >= 800) {
                mustClose(reconciler.closeThrough(Driver.initiative(0), TODAY.minusDays(250)));
                closesDone++;
            } else if (closesDone == 1 && recorded >= 1_300) {
                mustClose(reconciler.closeThrough(Driver.initiative(0), TODAY.minusDays(150)));
                closesDone++;
            } else if (closesDone == 2 && recorded >= 1_600) {
                mustClose(reconciler.reopenLatest(Driver.initiative(0)));
                closesDone++;
            }
        }
        mustClose(reconciler.closeThrough(Driver.initiative(0), TODAY.minusDays(20)));
        mustClose(reconciler.closeThrough(Driver.initiative(1), TODAY.minusDays(60)));
        events = harness.events();
        jdbc = ReadModelDatabase.fresh();
        journal = new JournalPostings(jdbc);
        advances = new AdvanceBalances(jdbc);
        feedWithARestartHalfway();
    }

    static void mustClose(java.util.Optional<?> done) {
        assertThat(done).as("the reconciler found a treasurer to close and a second to reopen").isPresent();
    }

    @AfterAll
    static void close() {
        harness.close();
    }

    /** Most steps play fair (right actor, right date), so most commands are recorded. */
    static Step randomStep(Random random, int step) {
        boolean fair = random.nextInt(10) < 9;
        return new Step(KINDS.get(random.nextInt(KINDS.size())), fair, random.nextInt(5), random.nextInt(5),
                random.nextInt(1_000), fair ? step : random.nextInt(50), 1 + random.nextInt(25_000), random.nextInt(400));
    }

    /** The second half goes to a new instance over the same tables, as after a restart. */
    static void feedWithARestartHalfway() {
        int half = events.size() / 2;
        GivenEvents.into(journal).given(events.subList(0, half).toArray());
        GivenEvents.into(new JournalPostings(jdbc)).atPosition(half).given(events.subList(half, events.size()).toArray());
        GivenEvents.into(advances).given(events.toArray());
    }

    @Test
    void hledgerPrintsTheProjectionsBalanceForEveryAccountAndUnit() throws Exception {
        Path file = export();
        long started = System.nanoTime();
        Map<String, Long> printed = hledgerBalances(file, null);
        long millis = (System.nanoTime() - started) / 1_000_000;

        Map<String, Long> projected = keyed(journal.balances(Driver.WEST, JournalPostings.LATEST));
        assertThat(events).hasSizeGreaterThanOrEqualTo(MIN_EVENTS);
        assertThat(printed).isEqualTo(projected);
        assertThat(projected.keySet()).anyMatch(k -> k.startsWith("assets:receivable:"))
                .anyMatch(k -> k.startsWith("assets:entrusted:"))
                .anyMatch(k -> k.startsWith("expenses:gifts-given:"))
                .anyMatch(k -> k.startsWith("income:hours-given:"))
                .anyMatch(k -> k.startsWith("assets:initiative:"))
                .anyMatch(k -> k.startsWith("expenses:initiative:"))
                .anyMatch(k -> k.startsWith("liabilities:claims:") || k.startsWith("reciprocity:"))
                .anyMatch(k -> k.startsWith("reciprocity:") && k.endsWith(":money|EUR"))
                .anyMatch(k -> k.startsWith("reciprocity:") && k.endsWith("|MIN"));
        System.out.printf("journal oracle: %d events, %d entries, %d account balances compared, hledger %d ms%n  events: %s%n",
                events.size(), journal.entryCount(Driver.WEST), projected.size(), millis, eventCounts());
    }

    @Test
    void hledgerAgreesAsOfADateInTheMiddle() throws Exception {
        LocalDate asOf = TODAY.minusDays(200);
        Map<String, Long> printed = hledgerBalances(export(), asOf.plusDays(1)); // -e is exclusive
        Map<String, Long> projected = keyed(journal.balances(Driver.WEST, asOf));
        assertThat(projected).isNotEmpty();
        assertThat(printed).isEqualTo(projected);
    }

    @Test
    void ledgerCliReadsTheFileWithoutError() throws Exception {
        Path file = export();
        Path out = dir.resolve("ledger.out");
        int exit = run(out, "ledger", "-f", file.toString(), "balance");
        assertThat(exit).as("ledger exit status; output:%n%s", Files.readString(out)).isZero();
    }

    @Test
    void advanceAccountsAgreeWithTheBalancesReadModel() throws Exception {
        Map<String, Long> printed = hledgerBalances(export(), null);
        for (int i = 0; i < 5; i++) {
            MemberId member = MemberId.of("m" + i);
            NeighbourBalance balance = advances.balanceOf(Driver.WEST, member);
            assertThat(sum(printed, "assets:receivable:" + member + ":")).as("owed to " + member)
                    .isEqualTo(balance.owedToMe().cents());
            assertThat(-sum(printed, "liabilities:payable:" + member + ":")).as(member + " owes")
                    .isEqualTo(balance.iOwe().cents());
            assertThat(balance.truncated()).isFalse();
            for (PairBalance pair : balance.pairs()) {
                long net = printed.getOrDefault("assets:receivable:" + member + ":" + pair.counterparty() + "|EUR", 0L)
                        + printed.getOrDefault("liabilities:payable:" + member + ":" + pair.counterparty() + "|EUR", 0L);
                assertThat(net).as("between " + member + " and " + pair.counterparty()).isEqualTo(pair.net().cents());
            }
        }
        assertThat(sum(printed, "assets:receivable:")).isPositive();
    }

    /** Every close in force is an assertion in the file; the reopened one is not; hledger check and ledger-cli verify them. */
    @Test
    void everyCloseInForceIsABalanceAssertionBothToolsCheck() throws Exception {
        Path file = export();
        String text = Files.readString(file);
        long inForce = events.stream().filter(PeriodClosed.class::isInstance).count()
                - events.stream().filter(PeriodReopened.class::isInstance).count();
        assertThat(inForce).as("four closes, one reopened").isEqualTo(3);
        assertThat(text.lines().filter(line -> line.endsWith(" period closed")).count()).isEqualTo(inForce);
        Path out = dir.resolve("check.out");
        int exit = run(out, "hledger", "-f", file.toString(), "check");
        assertThat(exit).as("hledger check; output:%n%s", Files.readString(out)).isZero();
        exit = run(out, "ledger", "-f", file.toString(), "balance", "assets:initiative");
        assertThat(exit).as("ledger-cli; output:%n%s", Files.readString(out)).isZero();
        // the tools are not rubber stamps: one cent off in the last assertion fails the file
        String lastAssertion = text.substring(text.lastIndexOf(" = ") + 3, text.indexOf(" EUR", text.lastIndexOf(" = ")));
        long cents = new BigDecimal(lastAssertion).movePointRight(2).longValueExact() + 1;
        Path broken = Files.createTempFile(dir, "broken", ".journal");
        Files.writeString(broken, text.substring(0, text.lastIndexOf(" = ")) + " = " + BigDecimal.valueOf(cents, 2).toPlainString()
                + text.substring(text.indexOf(" EUR", text.lastIndexOf(" = "))));
        assertThat(run(out, "hledger", "-f", broken.toString(), "check")).isNotZero();
        assertThat(run(out, "ledger", "-f", broken.toString(), "balance")).isNotZero();
    }

    @Test
    void theBookCoversEveryCapabilityThatMovesMoneyOrHours() {
        assertThat(eventCounts().keySet()).contains("AdvanceMade", "AdvanceReimbursed", "AdvanceForgiven",
                "AdvanceCancelled", "ReimbursementReversed", "ErrandStarted", "ErrandSpendingReported", "ErrandChangeReturned", "ErrandOverspent",
                "ErrandAdvanceOpened", "HelpRecorded", "ContributionReceived", "ExpensePaid", "FundTransferred",
                "FundEntryReversed", "ClaimApproved", "ClaimPaid", "HoursDrawn", "MoneyReturned", "InKindReturned",
                "ServiceDrawn", "ReciprocityEntryReversed", "StatementImported", "BankLinesMatched", "PeriodClosed", "PeriodReopened");
    }

    static Map<String, Long> eventCounts() {
        Map<String, Long> counts = new TreeMap<>();
        events.forEach(e -> counts.merge(e.getClass().getSimpleName(), 1L, Long::sum));
        return counts;
    }

    static long sum(Map<String, Long> balances, String prefix) {
        return balances.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith("|EUR"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    static Path export() throws IOException {
        Path file = Files.createTempFile(dir, "book", ".journal");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            journal.exportHledger(Driver.WEST, out);
        }
        return file;
    }

    static Map<String, Long> keyed(AccountBalances balances) {
        assertThat(balances.truncated()).isFalse();
        Map<String, Long> keyed = new TreeMap<>();
        balances.balances().forEach(b -> keyed.put(b.account() + "|" + b.unit(), b.quantity()));
        return keyed;
    }

    /** hledger's balance report as CSV, one row per account and commodity, as account|unit to smallest units. */
    static Map<String, Long> hledgerBalances(Path file, LocalDate endExclusive) throws Exception {
        List<String> command = new ArrayList<>(List.of("hledger", "-f", file.toString(), "balance", "--flat",
                "--no-total", "--layout=bare", "-O", "csv"));
        if (endExclusive != null) {
            command.addAll(List.of("-e", endExclusive.toString()));
        }
        Path out = dir.resolve("hledger.out");
        int exit = run(out, command.toArray(String[]::new));
        List<String> lines = Files.readAllLines(out);
        assertThat(exit).as("hledger exit status; output:%n%s", String.join("\n", lines)).isZero();
        assertThat(lines.get(0)).isEqualTo("\"account\",\"commodity\",\"balance\"");
        Map<String, Long> balances = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.replace("\"", "").split(",");
            Unit unit = Unit.valueOf(cells[1]);
            long quantity = new BigDecimal(cells[2]).movePointRight(unit.decimals()).longValueExact();
            if (quantity != 0) {
                balances.put(cells[0] + "|" + unit, quantity);
            }
        }
        return balances;
    }

    static int run(Path output, String... command) throws Exception {
        // The one policy for outside programs: missing is a failure with a plain message, never a skip.
        RequiredTools.require(command[0]);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command[0] + " did not finish in " + TOOL_TIMEOUT_SECONDS + " s");
        }
        return process.exitValue();
    }

}
