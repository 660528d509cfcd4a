package nl.wederkerig.benchmarks;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.readmodels.ReadModels;
import nl.wederkerig.benchmarks.Latency.Percentiles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.wederkerig.projections.journal.JournalPostings;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole run: starts the real application on a fresh H2 file database and measures every
 * figure of issue 6 against a baseline taken in the same run. Progress goes to {@code progress};
 * the caller prints the returned rows.
 */
public final class Benchmarks {

    /** Issue 16: a quarter of the durable single-row ceiling with 8 clients (it was 0.5 before the ceiling synced). */
    static final double HTTP_SHARE_OF_CEILING_TARGET = 0.25;
    static final double QUERY_P99_TARGET_MILLIS = 10;
    static final long STARTUP_TARGET_MILLIS = 5_000;
    static final long HEAP_TARGET_MIB = 512;
    static final int[] THREAD_COUNTS = {1, 8};

    /** Largest book the plain-text tools are asked to balance. */
    static final long MAX_TOOL_BOOK_EVENTS = 200_000;

    private final Size size;
    /** Only start-up, the ceilings and the commands: for profiling and comparing the command path quickly. */
    private final boolean commandsOnly;
    /** Only the books (replay, rebuild, heap, queries): for comparing a read-model change quickly. */
    private final boolean booksOnly;
    /** Only the rebuild command on each book, against hledger: the quickest comparison of a rebuild change. */
    private final boolean rebuildOnly;
    private final PrintStream progress;
    /** hledger's transactions/s on the current book, once measured: the rebuild row's baseline too. */
    private Double hledgerOnThisBook;
    private final List<Row> rows = new ArrayList<>();
    private String database = "unknown database";

    private Benchmarks(Size size, String only, PrintStream progress) {
        this.size = size;
        this.commandsOnly = "commands".equals(only);
        this.booksOnly = "books".equals(only);
        this.rebuildOnly = "rebuild".equals(only);
        this.progress = progress;
    }

    /** The rows in print order, and the database product and version they were measured on. */
    public record Report(List<Row> rows, String database) {
    }

    public static Report run(Size size, PrintStream progress) throws Exception {
        return run(size, "", progress);
    }

    /**
     * @param only "commands": only start-up, the ceilings and the command rows; "books": only generate the
     *             books and measure replay, rebuild, heap, queries and pages on them; "rebuild": only generate
     *             the books and time the rebuild command on each, against hledger
     */
    public static Report run(Size size, String only, PrintStream progress) throws Exception {
        Path directory = Files.createTempDirectory("wederkerig-bench-");
        try {
            return new Benchmarks(size, only, progress).measure(directory);
        } finally {
            deleteRecursively(directory);
        }
    }

    private Report measure(Path directory) throws Exception {
        Path book = directory.resolve("book");
        long eventsInBook;
        // The book generator appends 1,000 events per transaction; on a loaded machine that outlasts the
        // application's 5 s append bound, which is sized for a command's few events, not for bulk loads
        // (the gap timeout must be at least three bounds; the application checks that at start).
        try (LedgerApp app = LedgerApp.start(book, Map.of("wederkerig.event-store.append-bound", "60s",
                "wederkerig.event-store.gap-timeout", "180s"))) {
            database = app.databaseVersion() + " (URL options " + LedgerApp.defaultUrlOptions() + ")";
            if (rebuildOnly) {
                rebuilds(app);
                return new Report(List.copyOf(rows), database);
            }
            if (booksOnly) {
                books(app);
                return new Report(List.copyOf(rows), database);
            }
            startup(app);
            double[] ceilings = ceilings(app);
            gatewayCommands(app, ceilings);
            httpCommands(app, ceilings, "http", "HTTP commands", size.httpPairs);
            if (!commandsOnly) {
                int afterHttp = rows.size();
                books(app);
                outsiderLookups(app);
                rows.addAll(afterHttp, bcryptOnEveryRequest(directory, ceilings));
            }
            eventsInBook = app.bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        }
        // After the application closed: the packaged jar opens the same book for the start people live with.
        packagedStartup(directory, book, eventsInBook);
        if (commandsOnly) {
            return new Report(List.copyOf(rows), database);
        }
        packagedMemory(book);
        reconciliation();
        notYetMeasurable();
        return new Report(List.copyOf(rows), database);
    }

    private void startup(LedgerApp app) {
        long millis = app.startupMillis();
        rows.add(Row.measured("start-up to ready (fresh database, cold JVM)", "", millis, "ms")
                .target("< " + STARTUP_TARGET_MILLIS + " ms", millis < STARTUP_TARGET_MILLIS));
    }

    /** @return rows per second, indexed like {@link #THREAD_COUNTS} */
    private double[] ceilings(LedgerApp app) throws Exception {
        JdbcCeiling ceiling = new JdbcCeiling(app.bean(DataSource.class),
                app.bean(org.springframework.transaction.PlatformTransactionManager.class),
                app.bean(nl.wederkerig.api.platform.eventstore.DurableCommits.class), app.bean("eventSerializer", Serializer.class));
        double[] rowsPerSecond = new double[THREAD_COUNTS.length];
        for (int i = 0; i < THREAD_COUNTS.length; i++) {
            say("raw JDBC ceiling, " + THREAD_COUNTS[i] + " thread(s)");
            rowsPerSecond[i] = ceiling.rowsPerSecond(THREAD_COUNTS[i], size.jdbcRows);
            rows.add(Row.measured("raw JDBC insert ceiling, 1 row per transaction, " + threads(i), rowsLabel(Load.timedOperations(THREAD_COUNTS[i], size.jdbcRows)),
                    rowsPerSecond[i], "rows/s"));
        }
        return rowsPerSecond;
    }

    private void gatewayCommands(LedgerApp app, double[] ceilings) throws Exception {
        GatewayCommands gateway = new GatewayCommands(app.bean(CommandGateway.class), LocalDate.now(app.bean(Clock.class)));
        for (int i = 0; i < THREAD_COUNTS.length; i++) {
            say("command gateway, " + THREAD_COUNTS[i] + " thread(s)");
            double perSecond = gateway.commandsPerSecond(THREAD_COUNTS[i], size.gatewayPairs);
            rows.add(Row.measured("command gateway, " + threads(i), commandsLabel(Load.timedOperations(THREAD_COUNTS[i], size.gatewayPairs)), perSecond, "commands/s")
                    .against("JDBC ceiling, " + threads(i), ceilings[i], "rows/s"));
        }
    }

    /**
     * The HTTP figures as they were before VerifiedCredentialsCache: a second application with the
     * cache switched off, on its own fresh database, against the same run's ceiling.
     */
    private List<Row> bcryptOnEveryRequest(Path directory, double[] ceilings) throws Exception {
        int before = rows.size();
        try (LedgerApp app = LedgerApp.start(directory.resolve("bcrypt-book"),
                Map.of("wederkerig.accounts.verified-credentials-cache", false))) {
            httpCommands(app, ceilings, "bcrypt", "HTTP commands, bcrypt on every request (cache off)", size.bcryptHttpPairs);
        }
        List<Row> added = List.copyOf(rows.subList(before, rows.size()));
        rows.subList(before, rows.size()).clear();
        return added;
    }

    private void httpCommands(LedgerApp app, double[] ceilings, String run, String figure, int pairs) throws Exception {
        GatewayCommands.founded(app.bean(CommandGateway.class), LocalDate.now(app.bean(Clock.class)));
        HttpCommands http = new HttpCommands(app.bean(LoginStore.class), app.bean(CommandGateway.class),
                LocalDate.now(app.bean(Clock.class)), app.port());
        for (int i = 0; i < THREAD_COUNTS.length; i++) {
            say(figure + ", " + THREAD_COUNTS[i] + " client thread(s)");
            double perSecond = http.commandsPerSecond(run + THREAD_COUNTS[i], THREAD_COUNTS[i], pairs);
            rows.add(Row.measured(figure + ", " + threads(i).replace("thread", "client thread"), commandsLabel(Load.timedOperations(THREAD_COUNTS[i], pairs)),
                            perSecond, "commands/s")
                    .against("JDBC ceiling, " + threads(i), ceilings[i], "rows/s")
                    .target(">= " + Math.round(HTTP_SHARE_OF_CEILING_TARGET * 100) + " % of ceiling",
                            perSecond >= HTTP_SHARE_OF_CEILING_TARGET * ceilings[i]));
            if (THREAD_COUNTS[i] == 1) {
                Percentiles latency = http.lastLatency();
                String latencyFigure = figure.replace("HTTP commands", "HTTP command latency") + ", 1 client thread";
                rows.add(Row.measured(latencyFigure + ", p50", commandsLabel(Load.timedOperations(1, pairs)), latency.p50Millis(), "ms"));
                rows.add(Row.measured(latencyFigure + ", p99", commandsLabel(Load.timedOperations(1, pairs)), latency.p99Millis(), "ms"));
            }
        }
    }

    /** For each book size: grow the book, rebuild the read models, then heap and queries. */
    private void books(LedgerApp app) throws Exception {
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        Replay replay = new Replay(app.bean(EventProcessingConfiguration.class), jdbc);
        BookGenerator book = new BookGenerator(app.bean(EventStore.class));
        List<ReadModel> existing = ReadModel.all().stream().filter(ReadModel::exists).toList();
        for (long bookEvents : size.bookEvents) {
            say("book of " + bookEvents + " events: generating");
            replay.stop(existing);
            book.appendUntil(replay.storedEvents(), bookEvents);
            String label = eventsLabel(replay.storedEvents());
            say("book of " + bookEvents + " events: replaying " + existing.stream().map(ReadModel::name).toList());
            double replayed = replay.rebuild(existing);
            String figure = "replay of all existing read models (" + String.join(", ",
                    existing.stream().map(ReadModel::name).toList()) + ")";
            hledgerOnThisBook = null;
            rows.add(againstTools(app, jdbc, Row.measured(figure, label, replayed, "events/s"), bookEvents, label));
            say("book of " + bookEvents + " events: the rebuild command");
            rows.add(againstHledger(rebuildCommand(app, replay.storedEvents(), label)));
            heap(label);
            queries(app, existing, book, label);
            pages(app, label);
        }
    }

    /**
     * Issue 16: the real pages under 16 people at once, p50 and p99 per page ({@link PageLoad}), judged
     * against the target; then the same pages for one user alone, what each costs without queueing.
     */
    private void pages(LedgerApp app, String bookLabel) throws Exception {
        say("pages: " + PageLoad.USERS + " users at once, then one of each role alone");
        List<PageLoad.PageFigures> figures = new PageLoad(app.bean(LoginStore.class), app.bean(CommandGateway.class),
                LocalDate.now(app.bean(Clock.class)), app.port()).run(PageLoad.rounds(size.queries));
        for (PageLoad.PageFigures page : figures) {
            String label = PageLoad.label(figures, page.users(), bookLabel);
            String figure = "page " + page.page() + (page.users() == 1 ? " (1 user)" : " (" + page.users() + " users)");
            rows.add(Row.measured(figure + ", p50", label, page.latency().p50Millis(), "ms"));
            Row p99 = Row.measured(figure + ", p99", label, page.latency().p99Millis(), "ms");
            rows.add(page.users() == 1 ? p99 : p99.target("p99 <= " + Math.round(PageLoad.PAGE_P99_TARGET_MILLIS) + " ms at 1M events",
                    page.latency().p99Millis() <= PageLoad.PAGE_P99_TARGET_MILLIS));
        }
    }

    /**
     * Each book generated with the live processors stopped, then the rebuild command alone: its copy
     * is swapped in over empty live tables (every row written, the swap's worst case), and then the
     * journal it built is exported for hledger.
     */
    private void rebuilds(LedgerApp app) throws Exception {
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        Replay replay = new Replay(app.bean(EventProcessingConfiguration.class), jdbc);
        BookGenerator book = new BookGenerator(app.bean(EventStore.class));
        List<ReadModel> existing = ReadModel.all().stream().filter(ReadModel::exists).toList();
        replay.stop(existing);
        for (long bookEvents : size.bookEvents) {
            say("book of " + bookEvents + " events: generating");
            book.appendUntil(replay.storedEvents(), bookEvents);
            String label = eventsLabel(replay.storedEvents()) + ", live tables empty";
            say("book of " + bookEvents + " events: the rebuild command");
            Row rebuild = rebuildCommand(app, replay.storedEvents(), label);
            hledgerOnThisBook = null;
            againstTools(app, jdbc, rebuild, bookEvents, label); // measures hledger on the journal the rebuild made
            rows.add(againstHledger(rebuild));
        }
    }

    /**
     * What {@code --wederkerig.read-models=rebuild} does (every read model replayed into a copy beside the
     * live tables, then swapped in with the tokens in one transaction), timed from start to swap.
     */
    static Row rebuildCommand(LedgerApp app, long events, String label) {
        long start = System.nanoTime();
        long[] replayedAt = {0};
        app.bean(ReadModels.class).rebuild(line -> {
            if (line.startsWith("replayed ")) {
                replayedAt[0] = System.nanoTime();
            }
        });
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        String phases = replayedAt[0] == 0 ? "" : String.format(java.util.Locale.ROOT, " (replay %.1f s, swap %.1f s)",
                (replayedAt[0] - start) / 1e9, (end - replayedAt[0]) / 1e9);
        return Row.measured("rebuild command, beside then swap (all read models, one replay)", label + phases, events / seconds, "events/s");
    }

    /** The rebuild against hledger on the same book, as the replay row (issue 16's target is the rebuild's). */
    private Row againstHledger(Row rebuild) {
        if (hledgerOnThisBook == null) {
            return rebuild.baselineNotYet("hledger balancing the same book", "not run at this size", ">= 3x hledger's transactions/s");
        }
        return rebuild.against("hledger balancing the same book", hledgerOnThisBook, "transactions/s")
                .target(">= 3x hledger's transactions/s", rebuild.value() >= 3 * hledgerOnThisBook);
    }

    /**
     * The same book as a journal, balanced by hledger and ledger. Only up to
     * {@link #MAX_TOOL_BOOK_EVENTS}: hledger holds a whole journal in memory, and a million
     * transactions need more than this machine should give it during a benchmark.
     */
    private Row againstTools(LedgerApp app, JdbcTemplate jdbc, Row replay, long bookEvents, String label) throws Exception {
        if (bookEvents > MAX_TOOL_BOOK_EVENTS) {
            rows.add(Row.notYet("same book balanced by hledger / ledger (transactions/s)",
                    "not run above " + MAX_TOOL_BOOK_EVENTS + " events (hledger keeps the whole journal in memory)"));
            return replay.baselineNotYet("hledger balancing the same book", "not run at this size", ">= 3x hledger's transactions/s");
        }
        Path file = Files.createTempFile("wederkerig-book-", ".journal");
        try {
            long entries = new JournalBaseline(app.bean(JournalPostings.class), jdbc).export(file);
            say("book as a journal: " + entries + " transactions; balancing with hledger and ledger");
            double hledger = JournalBaseline.transactionsPerSecond(List.of("hledger", "-f", file.toString(), "balance", "-O", "csv"), entries);
            double ledger = JournalBaseline.transactionsPerSecond(List.of("ledger", "-f", file.toString(), "balance"), entries);
            rows.add(Row.measured("same book balanced by ledger", label + ", " + entries + " transactions", ledger, "transactions/s"));
            hledgerOnThisBook = hledger;
            return replay.against("hledger balancing the same book (" + entries + " transactions)", hledger, "transactions/s")
                    .target(">= 3x hledger's transactions/s", replay.value() >= 3 * hledger);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void heap(String label) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        double mib = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
        rows.add(Row.measured("heap used after replay (after System.gc(), whole JVM)", label, mib, "MiB")
                .target("< " + HEAP_TARGET_MIB + " MiB at 1M events", mib < HEAP_TARGET_MIB));
    }

    private void queries(LedgerApp app, List<ReadModel> models, BookGenerator book, String label) {
        for (ReadModel model : models) {
            say("query latency: " + model.name());
            int queries = Math.min(size.queries, model.maxQueries());
            Percentiles latency = Latency.measure(model.query().apply(app), book, queries);
            String figure = model.name() + " query (" + queries + " random neighbours)";
            rows.add(Row.measured(figure + ", p50", label, latency.p50Millis(), "ms"));
            rows.add(Row.measured(figure + ", p99", label, latency.p99Millis(), "ms")
                    .target("p99 < " + Math.round(QUERY_P99_TARGET_MILLIS) + " ms at 1M events",
                            latency.p99Millis() < QUERY_P99_TARGET_MILLIS));
        }
    }

    /**
     * Issue 11: an outsider's 404 for someone else's advance against the 404 for an id nobody used,
     * measured in one interleaved loop on the largest book ({@link OutsiderLookups}). The ratio is
     * the figure: near 1 means the two answers are in one timing class.
     */
    private void outsiderLookups(LedgerApp app) throws Exception {
        say("outsider's 404: someone else's advance against an unknown id");
        OutsiderLookups lookups = new OutsiderLookups(app.bean(LoginStore.class), app.bean(CommandGateway.class),
                app.bean(nl.wederkerig.projections.balances.AdvanceBalances.class), LocalDate.now(app.bean(Clock.class)),
                app.port()).prepared();
        int requests = Math.min(size.queries, OutsiderLookups.MAX_REQUESTS);
        String label = String.format(java.util.Locale.ROOT, "%,d of each, interleaved", requests);
        outsiderRows("outsider's 404 for someone else's advance, GET …/advances/{id}", label, lookups.reading(requests));
        outsiderRows("outsider's 404 for someone else's advance, POST …/advances/{id}/acknowledgement", label,
                lookups.acting(requests));
    }

    private void outsiderRows(String figure, String label, OutsiderLookups.Figures figures) {
        rows.add(Row.measured(figure + ", p50", label, figures.existing().p50Millis(), "ms")
                .against("the same for an id nobody used, p50", figures.unknown().p50Millis(), "ms"));
        rows.add(Row.measured(figure + ", p99", label, figures.existing().p99Millis(), "ms")
                .against("the same for an id nobody used, p99", figures.unknown().p99Millis(), "ms"));
    }

    static final String SMALL_HEAP = "-Xmx256m";

    /**
     * Start-up of the packaged jar in a child process, from {@code java -jar} to ready (readiness
     * probe answers 200). On a fresh database (Flyway creates every table): as it is, with lazy
     * initialisation, with an AppCDS archive from a training run, and both. Then the starts people
     * live with, on an existing database: the same fresh one again (nothing left to migrate), and the
     * run's book ({@code bookEvents} events, as the in-process application left it), each as it is and
     * with AppCDS. Side by side in one run.
     */
    private void packagedStartup(Path directory, Path book, long bookEvents) throws Exception {
        Path jar = PackagedApp.jar();
        String figure = "start-up to ready, packaged jar in its own JVM (java -jar, fresh database)";
        if (jar == null) {
            rows.add(Row.notYet(figure, "the packaged jar is not built (mvn -pl ledger-api package)"));
            return;
        }
        Path packaged = Files.createDirectories(directory.resolve("packaged"));
        say("start-up of the packaged jar: as it is");
        double plain = plainStart(figure, "", null, Double.NaN, jar, packaged.resolve("plain"), packaged.resolve("plain-baseline"),
                packaged, "plain");
        if (Double.isNaN(plain)) {
            return;
        }
        List<String> lazy = List.of("-Dspring.main.lazy-initialization=true");
        say("start-up of the packaged jar: lazy initialisation");
        startupRow(figure + ", lazy initialisation (-Dspring.main.lazy-initialization=true)", "", "the same jar as it is, same run", plain,
                () -> packagedStart(jar, lazy, packaged.resolve("lazy"), packaged, "lazy"));
        say("start-up of the packaged jar: AppCDS training run");
        Path archive = packaged.resolve("app.jsa");
        Path extracted;
        try {
            extracted = PackagedApp.extract(jar, packaged.resolve("extracted"), packaged.resolve("extract.log"));
            PackagedApp.trainArchive(extracted, archive, packaged.resolve("training"), packaged.resolve("training.log"));
        } catch (Exception e) {
            rows.add(Row.notYet(figure + ", AppCDS", "the training run failed: " + e.getMessage()));
            return;
        }
        List<String> cds = List.of("-XX:SharedArchiveFile=" + archive);
        say("start-up of the packaged jar: AppCDS");
        startupRow(figure + ", AppCDS (extracted jar, -XX:SharedArchiveFile)", "", "the same jar as it is, same run", plain,
                () -> packagedStart(extracted, cds, packaged.resolve("cds"), packaged, "cds"));
        List<String> both = new ArrayList<>(cds);
        both.addAll(lazy);
        say("start-up of the packaged jar: AppCDS and lazy initialisation");
        startupRow(figure + ", AppCDS and lazy initialisation", "", "the same jar as it is, same run", plain,
                () -> packagedStart(extracted, both, packaged.resolve("cds-lazy"), packaged, "cds-lazy"));
        existingDatabaseStartup(jar, extracted, cds, packaged, book, bookEvents);
    }

    /**
     * The start after the first: the fresh database of the plain start again (every migration applied,
     * no events), then the run's book; each as it is and with AppCDS, the book against the empty one
     * (what the book's size adds to a start), and once with C1 only ({@code -XX:TieredStopAtLevel=1}), as
     * information: it trades the application's later speed for its start.
     */
    private void existingDatabaseStartup(Path jar, Path extracted, List<String> cds, Path packaged, Path book, long bookEvents) {
        String existing = "start-up to ready, packaged jar in its own JVM (java -jar, existing database, nothing to migrate)";
        say("start-up of the packaged jar on an existing database: as it is");
        double plain = plainStart(existing, "", null, Double.NaN, jar, packaged.resolve("plain"), packaged.resolve("plain-baseline"),
                packaged, "again");
        say("start-up of the packaged jar on an existing database: AppCDS");
        startupRow(existing + ", AppCDS", "", "the same database, the jar as it is", plain,
                () -> packagedStart(extracted, cds, packaged.resolve("plain"), packaged, "again-cds"));
        List<String> c1 = new ArrayList<>(cds);
        c1.add("-XX:TieredStopAtLevel=1");
        say("start-up of the packaged jar on an existing database: AppCDS, C1 only");
        startupRow(existing + ", AppCDS and -XX:TieredStopAtLevel=1 (information only)", "", "the same database, the jar as it is", plain,
                () -> packagedStart(extracted, c1, packaged.resolve("plain"), packaged, "again-cds-c1"));
        String onBook = "start-up to ready, packaged jar in its own JVM (java -jar, existing database: the run's book)";
        String label = eventsLabel(bookEvents);
        say("start-up of the packaged jar on the run's book: as it is");
        double bookPlain = plainStart(onBook, label, "the same jar on the empty existing database", plain, jar, book, book, packaged, "book");
        say("start-up of the packaged jar on the run's book: AppCDS");
        startupRow(onBook + ", AppCDS", label, "the same book, the jar as it is", bookPlain,
                () -> packagedStart(extracted, cds, book, packaged, "book-cds"));
    }

    /**
     * The jar as it is, started right after the baseline jar ({@code -Dbenchmarks.baseline-jar}: another
     * build, e.g. main's, on {@code baselineDatabase}) when one is given, and then measured against it: a
     * change to the application side by side in one run. Otherwise against {@code otherBaseline}, if any.
     * @return the jar's milliseconds, NaN if it did not start
     */
    private double plainStart(String figure, String label, String otherBaselineName, double otherBaseline, Path jar,
                              Path database, Path baselineDatabase, Path logs, String name) {
        Path baselineJar = PackagedApp.baselineJar();
        if (baselineJar == null) {
            return startupRow(figure, label, otherBaselineName, otherBaseline,
                    () -> packagedStart(jar, List.of(), database, logs, name));
        }
        say("the same start of the baseline jar " + baselineJar);
        double before = startupRow(figure + ", baseline jar (" + baselineJar.getFileName() + ")", label, null, Double.NaN,
                () -> packagedStart(baselineJar, List.of(), baselineDatabase, logs, name + "-baseline"));
        return startupRow(figure, label, "the baseline jar, same run", before, () -> packagedStart(jar, List.of(), database, logs, name));
    }

    private interface Start {
        double millis() throws Exception;
    }

    /**
     * One start's row, against {@code baseline} ({@code baselineName} null: none). A start that fails
     * is a row saying so, not the end of the run. @return its milliseconds, or NaN when it did not start
     */
    private double startupRow(String figure, String label, String baselineName, double baseline, Start start) {
        try {
            double millis = start.millis();
            Row row = Row.measured(figure, label, millis, "ms");
            if (baselineName != null && !Double.isNaN(baseline)) {
                row = row.against(baselineName, baseline, "ms");
            }
            rows.add(row.target("< " + STARTUP_TARGET_MILLIS + " ms", millis < STARTUP_TARGET_MILLIS));
            return millis;
        } catch (Exception e) {
            rows.add(Row.notYet(figure, "did not start: " + e.getMessage()));
            return Double.NaN;
        }
    }

    /** @param databaseFile fresh or existing; {@code name} names its log in {@code logs} */
    private static double packagedStart(Path jar, List<String> options, Path databaseFile, Path logs, String name) throws Exception {
        try (PackagedApp app = PackagedApp.start(jar, options, databaseFile, logs.resolve(name + ".log"))) {
            return app.readyMillis();
        }
    }

    /**
     * Issue 16's memory figure: the packaged application with a heap of 256 MiB on the largest book of
     * this run: the resident set size (VmRSS) once it serves the book, and the peak (VmHWM) of a
     * rebuild of every read model ({@code --wederkerig.read-models=rebuild}) in the same heap.
     */
    private void packagedMemory(Path book) throws Exception {
        Path jar = PackagedApp.jar();
        String serving = "resident set size, packaged app with " + SMALL_HEAP + ", serving the book (VmRSS)";
        String rebuilding = "peak resident set size, packaged app with " + SMALL_HEAP + ", rebuilding every read model (VmHWM)";
        if (jar == null) {
            rows.add(Row.notYet(serving, "the packaged jar is not built (mvn -pl ledger-api package)"));
            rows.add(Row.notYet(rebuilding, "the packaged jar is not built (mvn -pl ledger-api package)"));
            return;
        }
        String label = eventsLabel(size.bookEvents.get(size.bookEvents.size() - 1)) + " (largest book of the run)";
        Path logs = book.resolveSibling("packaged");
        Files.createDirectories(logs);
        say("packaged app with " + SMALL_HEAP + " on the book: rebuild");
        double peak = PackagedApp.peakRssOfRun(jar, List.of(SMALL_HEAP), book, List.of("--wederkerig.read-models=rebuild"),
                logs.resolve("rebuild.log"));
        say("packaged app with " + SMALL_HEAP + " on the book: serving");
        try (PackagedApp app = PackagedApp.start(jar, List.of(SMALL_HEAP), book, logs.resolve("serving.log"))) {
            app.warm("/actuator/health", 50);
            double rss = app.rssMiB();
            rows.add(Row.measured(serving, label, rss, "MiB"));
        }
        // The target is that both run in this heap at all (a failed rebuild or start fails the run), not a size.
        rows.add(Row.measured(rebuilding, label, peak, "MiB"));
    }

    /** Statement lines and fund entries of the import-and-propose row: issue 13's size, whatever the run's size. */
    static final int RECONCILIATION_LINES = 5_000;
    static final long RECONCILIATION_TARGET_MILLIS = 2_000;

    /**
     * Issue 13's row: read and check a 5,000-line CAMT.053, let the fund's reconciliation decide the
     * import, and propose matches against 5,000 fund entries ({@link ReconciliationWorkload}). One
     * untimed small run first (JAXB's context, class loading), then the median of three.
     */
    private void reconciliation() {
        say("reconciliation: import and propose, " + RECONCILIATION_LINES + " lines");
        ReconciliationWorkload.importAndPropose(300, 300, 1);
        List<ReconciliationWorkload.Figures> runs = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            runs.add(ReconciliationWorkload.importAndPropose(RECONCILIATION_LINES, RECONCILIATION_LINES, 42 + run));
        }
        runs.sort(java.util.Comparator.comparingLong(ReconciliationWorkload.Figures::totalMillis));
        ReconciliationWorkload.Figures median = runs.get(1);
        String label = String.format(java.util.Locale.ROOT, "%,d lines, %,d entries (read %d ms, import %d ms, propose %d ms; %,d exact)",
                median.lines(), median.entries(), median.readMillis(), median.importMillis(), median.proposeMillis(),
                median.exactProposals());
        rows.add(Row.measured("import a CAMT.053 statement and propose matches (median of 3, no database)", label,
                median.totalMillis(), "ms").target("< " + RECONCILIATION_TARGET_MILLIS + " ms",
                median.totalMillis() < RECONCILIATION_TARGET_MILLIS));
    }

    private void notYetMeasurable() {
        for (ReadModel model : ReadModel.all()) {
            if (!model.exists()) {
                rows.add(Row.notYet(model.name() + " query p50/p99 and its share of the replay", model.notYetBecause()));
            }
        }
    }

    private void say(String what) {
        progress.println("[benchmarks] " + what);
    }

    private static String threads(int index) {
        return THREAD_COUNTS[index] == 1 ? "1 thread" : THREAD_COUNTS[index] + " threads";
    }

    private static String rowsLabel(int rows) {
        return String.format(java.util.Locale.ROOT, "%,d rows", rows);
    }

    private static String commandsLabel(int pairs) {
        return String.format(java.util.Locale.ROOT, "%,d commands", 2 * pairs);
    }

    private static String eventsLabel(long events) {
        return String.format(java.util.Locale.ROOT, "%,d events", events);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
