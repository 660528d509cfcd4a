package nl.wederkerig.projections.journal;

import nl.wederkerig.core.advances.ErrandAdvanceOpened;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.journal.Journal;
import nl.wederkerig.core.journal.JournalEntry;
import nl.wederkerig.core.journal.Unit;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.balances.AdvanceBalances;
import nl.wederkerig.projections.balances.NeighbourBalance;
import nl.wederkerig.projections.balances.PairBalance;
import nl.wederkerig.projections.claims.ClaimState;
import nl.wederkerig.projections.claims.ClaimView;
import nl.wederkerig.projections.claims.ExpenseClaims;
import nl.wederkerig.projections.funds.InitiativeBalance;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.trust.ErrandView;
import nl.wederkerig.projections.trust.NeighbourActivity;
import nl.wederkerig.projections.trust.TrustHistories;
import nl.wederkerig.projections.trust.TrustHistory;
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
import java.lang.reflect.RecordComponent;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The oracle: a random but valid book (the real aggregates decide what is valid) goes through the
 * journal read model and out as hledger text, and Debian's hledger, an independent implementation
 * of double-entry arithmetic, must accept the file and print the same balance for every account
 * and unit, as of the end and as of a date in the middle. ledger-cli must read the file too.
 * ./test installs both tools; a missing tool fails ({@link RequiredTools}).
 *
 * <p>Every read model that shows a figure the journal also books is fed the same events, one at a
 * time, and must agree with the journal after each of the first {@link #FIGURE_CHECK_EACH_UP_TO}
 * events and every {@link #FIGURE_CHECK_EVERY}th after, by paths that share no code with it: what
 * neighbours owe and are owed (disputed advances apart), help minutes (disputed help off), what
 * each fund holds and owes on claims; and, every {@link #RECORD_CHECK_EVERY} events and at the
 * end, the cash each errand's helper holds, each claim's state, each trust history's minutes.
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
    /** Kinds a random step may take; roles, limits and members are left alone so the book keeps moving. */
    static final List<Step.Kind> KINDS = List.of(Step.Kind.values()).stream()
            .filter(kind -> kind != Step.Kind.REVOKE_TREASURER && kind != Step.Kind.SET_ADVANCE_LIMIT
                    && kind != Step.Kind.DEREGISTER_MEMBER)
            .toList();
    /** Records (errands, claims, trust histories) are compared one by one this often: there are hundreds. */
    static final int RECORD_CHECK_EVERY = 200;
    /**
     * The figures are compared after each of the first this many events (every kind of event occurs
     * among them many times), then after every {@link #FIGURE_CHECK_EVERY}th: each comparison asks
     * several read models, and 2,400 of them took over a minute on a busy machine.
     */
    static final int FIGURE_CHECK_EACH_UP_TO = 600;
    static final int FIGURE_CHECK_EVERY = 10;

    static List<Object> events;
    static JdbcTemplate jdbc;
    static JournalPostings journal;
    static AdvanceBalances advances;
    static NeighbourActivity activity;
    static TrustHistories histories;
    static InitiativeFunds funds;
    static ExpenseClaims claims;
    static LedgerHarness harness;
    static Driver driver;
    static int comparisons;

    @TempDir
    static Path dir;

    @BeforeAll
    static void recordARandomBook() {
        Clock clock = Clock.fixed(TODAY.atTime(12, 0).atZone(LEDGER_ZONE).toInstant(), LEDGER_ZONE);
        harness = new LedgerHarness(clock);
        driver = new Driver(TODAY, Driver.FRESH_COMMAND_IDS);
        for (Object command : driver.setUp()) {
            harness.send(command).ifPresent(e -> fail("setting up the community failed: " + command, e));
        }
        Random random = new Random(SEED);
        Reconciler reconciler = new Reconciler(harness, TODAY);
        int closesDone = 0;
        for (int step = 0; step < MAX_STEPS && harness.events().size() < MIN_EVENTS + 400; step++) {
            Object command = driver.commandFor(randomStep(random, step));
            harness.send(command).ifPresent(refused -> driver.refused(command));
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
        activity = new NeighbourActivity(jdbc);
        histories = new TrustHistories(jdbc);
        funds = new InitiativeFunds(jdbc);
        claims = new ExpenseClaims(jdbc);
        feedComparingAfterEveryEventWithARestartHalfway();
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

    /**
     * One event at a time into the journal and every read model that shows the same figures, each
     * compared with the journal after it. The journal's second half goes to a new instance over the
     * same tables, as after a restart.
     */
    static void feedComparingAfterEveryEventWithARestartHalfway() {
        int half = events.size() / 2;
        GivenEvents firstJournal = GivenEvents.into(journal);
        GivenEvents restartedJournal = GivenEvents.into(new JournalPostings(jdbc)).atPosition(half);
        List<GivenEvents> readModels = List.of(GivenEvents.into(advances), GivenEvents.into(activity),
                GivenEvents.into(funds), GivenEvents.into(claims));
        Journal mapping = new Journal();
        for (int i = 0; i < events.size(); i++) {
            Object event = events.get(i);
            (i < half ? firstJournal : restartedJournal).given(event);
            readModels.forEach(model -> model.given(event));
            String after = "after event " + i + ", " + event;
            boolean everything = i % RECORD_CHECK_EVERY == 0 || i == events.size() - 1;
            // The mapping sees every event, or it would not know the parties of the later ones.
            Optional<JournalEntry> entry = mapping.entryFor(event);
            Touched touched = everything ? Touched.EVERYTHING : Touched.by(event, entry);
            if (everything || i < FIGURE_CHECK_EACH_UP_TO || i % FIGURE_CHECK_EVERY == 0) {
                figuresAgreeWithTheJournal(JournalPostings.LATEST, after, touched);
                comparisons++;
            }
            if (everything) {
                recordsAgreeWithTheJournal(after);
            }
        }
    }

    /**
     * The members and initiatives an event concerns: those it names, and those whose accounts its
     * journal entry posts to. Comparing only these after each event keeps 2,400 comparisons quick;
     * every {@link #RECORD_CHECK_EVERY} events and at the end everything is compared.
     */
    record Touched(Set<String> members, Set<String> initiatives) {

        static final Touched EVERYTHING = new Touched(Set.of("m0", "m1", "m2", "m3", "m4"), Set.of("i0", "i1"));

        static Touched by(Object event, Optional<JournalEntry> entry) {
            Set<String> members = new TreeSet<>();
            Set<String> initiatives = new TreeSet<>();
            if (event instanceof Record record) {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    Object value = value(component, record);
                    if (value instanceof MemberId member) {
                        members.add(member.value());
                    } else if (value instanceof InitiativeId initiative) {
                        initiatives.add(initiative.value());
                    }
                }
            }
            entry.ifPresent(e -> e.postings().forEach(posting -> {
                for (String segment : posting.account().split(":")) {
                    if (EVERYTHING.members().contains(segment)) {
                        members.add(segment);
                    } else if (EVERYTHING.initiatives().contains(segment)) {
                        initiatives.add(segment);
                    }
                }
            }));
            members.retainAll(EVERYTHING.members());
            initiatives.retainAll(EVERYTHING.initiatives());
            return new Touched(members, initiatives);
        }

        private static Object value(RecordComponent component, Record record) {
            try {
                return component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What neighbours owe and are owed, help minutes, and each fund, as of {@code asOf}. */
    static void figuresAgreeWithTheJournal(LocalDate asOf, String when, Touched touched) {
        Map<String, Long> booked = keyed(journal.balances(Driver.WEST, asOf));
        for (String id : touched.members()) {
            MemberId member = MemberId.of(id);
            NeighbourBalance balance = advances.balanceOf(Driver.WEST, member, asOf);
            assertThat(balance.truncated()).isFalse();
            assertThat(sum(booked, "assets:receivable:" + member + ":")).as("owed to %s %s", member, when)
                    .isEqualTo(balance.owedToMe().cents() + balance.disputedOwedToMe().cents());
            assertThat(-sum(booked, "liabilities:payable:" + member + ":")).as("%s owes %s", member, when)
                    .isEqualTo(balance.iOwe().cents() + balance.disputedIOwe().cents());
            Map<String, Long> perPair = new TreeMap<>();
            booked.forEach((account, quantity) -> {
                String receivable = "assets:receivable:" + member + ":";
                String payable = "liabilities:payable:" + member + ":";
                if (account.endsWith("|EUR") && (account.startsWith(receivable) || account.startsWith(payable))) {
                    String counterparty = account.substring(account.startsWith(receivable) ? receivable.length() : payable.length(),
                            account.length() - "|EUR".length());
                    perPair.merge(counterparty, quantity, Long::sum);
                }
            });
            perPair.values().removeIf(net -> net == 0);
            Map<String, Long> readPairs = new TreeMap<>();
            for (PairBalance pair : balance.pairs()) {
                readPairs.put(pair.counterparty().value(), pair.net().cents() + pair.disputed().cents());
            }
            readPairs.values().removeIf(net -> net == 0);
            assertThat(readPairs).as("between %s and each counterparty %s", member, when).isEqualTo(perPair);
            assertThat(-booked.getOrDefault("income:hours-given:" + member + "|MIN", 0L)).as("%s gave %s", member, when)
                    .isEqualTo(balance.hours().givenMinutes());
            assertThat(booked.getOrDefault("expenses:hours-received:" + member + "|MIN", 0L)).as("%s received %s", member, when)
                    .isEqualTo(balance.hours().receivedMinutes());
        }
        for (String id : touched.initiatives()) {
            InitiativeId initiative = InitiativeId.of(id);
            InitiativeBalance fund = funds.balanceOf(Driver.WEST, initiative, asOf);
            assertThat(booked.getOrDefault("assets:initiative:" + initiative + ":bank|EUR", 0L)).as("%s bank %s", initiative, when)
                    .isEqualTo(fund.bank().cents());
            assertThat(booked.getOrDefault("assets:initiative:" + initiative + ":cash|EUR", 0L)).as("%s cash %s", initiative, when)
                    .isEqualTo(fund.cashBox().cents());
            assertThat(-sum(booked, "liabilities:claims:" + initiative + ":")).as("%s owes on claims %s", initiative, when)
                    .isEqualTo(fund.claimsApprovedUnpaid().amount().cents());
        }
    }

    /** Each errand's cash, each approved and unpaid claim, each trust history's help minutes, now. */
    static void recordsAgreeWithTheJournal(String when) {
        Map<String, Long> booked = keyed(journal.balances(Driver.WEST, JournalPostings.LATEST));
        Map<String, Long> held = new TreeMap<>();
        for (ErrandId errand : driver.errands()) {
            activity.errand(Driver.WEST, errand).ifPresent(view -> held.merge(
                    "assets:entrusted:" + view.asker() + ":" + view.helper() + "|EUR", view.heldByHelper().cents(), Long::sum));
        }
        held.values().removeIf(cents -> cents == 0);
        assertThat(held).as("cash helpers hold %s", when).isEqualTo(only(booked, "assets:entrusted:"));
        Map<String, Long> owedOnClaims = new TreeMap<>();
        for (ClaimId claim : driver.claims()) {
            claims.claim(Driver.WEST, claim).filter(view -> view.status() == ClaimState.APPROVED).ifPresent(view ->
                    owedOnClaims.merge("liabilities:claims:" + view.initiativeId() + ":" + view.claimant() + "|EUR",
                            -view.amount().cents(), Long::sum));
        }
        assertThat(owedOnClaims).as("approved claims not paid %s", when).isEqualTo(only(booked, "liabilities:claims:"));
        for (int i = 0; i < 5; i++) {
            MemberId member = MemberId.of("m" + i);
            TrustHistory history = histories.of(Driver.WEST, member);
            assertThat(-booked.getOrDefault("income:hours-given:" + member + "|MIN", 0L)).as("%s's history %s", member, when)
                    .isEqualTo(history.helpAndErrands().helpGivenMinutes());
            assertThat(booked.getOrDefault("expenses:hours-received:" + member + "|MIN", 0L)).as("%s's history %s", member, when)
                    .isEqualTo(history.helpAndErrands().helpReceivedMinutes());
        }
    }

    static Map<String, Long> only(Map<String, Long> booked, String prefix) {
        Map<String, Long> matching = new TreeMap<>();
        booked.forEach((account, quantity) -> {
            if (account.startsWith(prefix) && quantity != 0) {
                matching.put(account, quantity);
            }
        });
        return matching;
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
    void theReadModelsAgreedWithTheJournalAfterEveryEventAndAgreeAsOfADateInTheMiddle() {
        assertThat(comparisons).isGreaterThan(FIGURE_CHECK_EACH_UP_TO + (events.size() - FIGURE_CHECK_EACH_UP_TO) / FIGURE_CHECK_EVERY - 1);
        figuresAgreeWithTheJournal(TODAY.minusDays(200), "as of " + TODAY.minusDays(200), Touched.EVERYTHING);
        figuresAgreeWithTheJournal(TODAY.minusDays(1), "as of yesterday", Touched.EVERYTHING);
    }

    @Test
    void theReadModelsShowDisputedAmountsHelpAndErrandCashThatTheJournalBooks() throws Exception {
        Map<String, Long> printed = hledgerBalances(export(), null);
        assertThat(sum(printed, "assets:receivable:")).isPositive();
        long disputed = 0;
        for (int i = 0; i < 5; i++) {
            disputed += advances.balanceOf(Driver.WEST, MemberId.of("m" + i)).disputedOwedToMe().cents();
        }
        assertThat(disputed).as("advances disputed at the end, shown apart").isPositive();
        assertThat(only(printed, "assets:entrusted:")).as("errands still open at the end").isNotEmpty();
        List<ErrandAdvanceOpened> opened = events.stream().filter(ErrandAdvanceOpened.class::isInstance)
                .map(ErrandAdvanceOpened.class::cast).toList();
        assertThat(opened).isNotEmpty().allSatisfy(e -> assertThat(advances.advance(Driver.WEST, e.advanceId()).orElseThrow()
                .errandId()).as("the advance an errand's overspend became names it").isEqualTo(e.errandId()));
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

    /**
     * The same random book split per business year: each year checks on its own in both tools
     * (its period closes included), and the years' own entries add up to the whole book.
     */
    @Test
    void everyBusinessYearOfTheBookChecksOnItsOwnAndTheYearsAddUpToTheBook() throws Exception {
        int first = jdbc.queryForObject("SELECT MIN(business_date) FROM journal_entry", LocalDate.class).getYear();
        int last = jdbc.queryForObject("SELECT MAX(business_date) FROM journal_entry", LocalDate.class).getYear();
        assertThat(last).as("the book crosses a year end").isGreaterThan(first);
        Map<String, Long> together = new TreeMap<>();
        Path out = dir.resolve("year.out");
        for (int year = first; year <= last; year++) {
            Path file = Files.createTempFile(dir, "book-" + year, ".journal");
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                journal.exportHledgerYear(Driver.WEST, java.time.Year.of(year), writer);
            }
            assertThat(run(out, "hledger", "-f", file.toString(), "check")).as("hledger check %s: %s", year, Files.readString(out)).isZero();
            assertThat(run(out, "ledger", "-f", file.toString(), "balance")).as("ledger %s: %s", year, Files.readString(out)).isZero();
            hledgerBalances(file, null, "not:desc:^(opening|closing) balances$")
                    .forEach((key, quantity) -> together.merge(key, quantity, Long::sum));
        }
        together.values().removeIf(quantity -> quantity == 0);
        assertThat(together).isEqualTo(hledgerBalances(export(), null));
    }

    @Test
    void theBookCoversEveryCapabilityThatMovesMoneyOrHours() {
        assertThat(eventCounts().keySet()).contains("AdvanceMade", "AdvanceAcknowledged", "AdvanceDisputed",
                "AdvanceReimbursed", "ReimbursementConfirmed", "AdvanceForgiven", "AdvanceCancelled", "ReimbursementReversed",
                "ErrandStarted", "ErrandSpendingReported", "ErrandChangeReturned", "ErrandOverspent", "ErrandAdvanceOpened",
                "HelpRecorded", "HelpDisputed", "HelpConfirmed", "ContributionReceived", "ExpensePaid", "FundTransferred",
                "FundEntryReversed", "ClaimApproved", "ClaimRejected", "ClaimPaid", "HoursDrawn", "MoneyReturned",
                "InKindReturned", "ServiceDrawn", "ReciprocityEntryReversed", "StatementImported", "BankLinesMatched",
                "PeriodClosed", "PeriodReopened");
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
        return hledgerBalances(file, endExclusive, null);
    }

    /** The same, of the postings a hledger query matches. */
    static Map<String, Long> hledgerBalances(Path file, LocalDate endExclusive, String query) throws Exception {
        List<String> command = new ArrayList<>(List.of("hledger", "-f", file.toString(), "balance", "--flat",
                "--no-total", "--layout=bare", "-O", "csv"));
        if (endExclusive != null) {
            command.addAll(List.of("-e", endExclusive.toString()));
        }
        if (query != null) {
            command.add(query);
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
