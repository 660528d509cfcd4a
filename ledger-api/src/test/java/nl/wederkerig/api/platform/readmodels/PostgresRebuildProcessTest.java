package nl.wederkerig.api.platform.readmodels;

import nl.wederkerig.api.support.AppProcess;
import nl.wederkerig.api.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RebuildProcessTest} on PostgreSQL (the {@code postgres} profile; skipped on H2): the packaged
 * application's {@code --wederkerig.read-models=rebuild} as a process of its own, each test on a
 * database of its own copied from one demo book made once for the class. What differs from H2: the
 * database is shared, so a claim on a token is taken over only once its owner stopped renewing it
 * (Axon's claim timeout, 10 s) and a claim that goes on being renewed belongs to a running instance:
 * the rebuild waits {@code wederkerig.rebuild.claim-wait} for it and then exits with 3, changing nothing.
 */
@EnabledIfSystemProperty(named = PostgresDatabase.PROFILE_URL_PROPERTY, matches = PostgresDatabase.PROFILE_URL_PATTERN)
class PostgresRebuildProcessTest {

    /** Far more than a rebuild of the demo book takes (seconds), far less than "hangs". */
    static final Duration BOUND = Duration.ofMinutes(2);
    /** The test's claim wait: long enough to see the rebuild wait, short enough for CI. */
    static final Duration CLAIM_WAIT = Duration.ofSeconds(3);

    @TempDir
    static Path home;
    private static PostgresDatabase demoBook;
    private PostgresDatabase book;

    @BeforeAll
    static void oneDemoBookForTheClass() throws SQLException {
        demoBook = PostgresDatabase.create();
        AppProcess.start(home, demoBook.arguments("--wederkerig.demo=true")).close();
    }

    @AfterAll
    static void dropTheDemoBook() throws SQLException, IOException {
        keep(home.resolve("app.log"), "app.log");
        if (demoBook != null) {
            demoBook.close();
        }
    }

    @BeforeEach
    void aCopyOfTheDemoBook() throws SQLException {
        book = PostgresDatabase.copyOf(demoBook);
    }

    @AfterEach
    void dropTheCopy() throws SQLException {
        book.close();
    }

    /**
     * Right after a {@code kill -9} the dead process's claims are as fresh as its last renewal. On a
     * shared database they are not freed at start (another instance may own them): the rebuild takes
     * them over once they are older than Axon's claim timeout, and finishes.
     */
    @Test
    void aRebuildRightAfterAKillTakesOverTheDeadProcesssClaimsAndFinishes() throws Exception {
        claimAll("killed@elsewhere", Instant.now());

        Run rebuild = run("rebuild", "--wederkerig.rebuild.claim-wait=30s");

        assertThat(rebuild.ended).as("the rebuild's process ended within " + BOUND + ":\n" + rebuild.output).isTrue();
        assertThat(rebuild.exitCode).as(rebuild.output).isZero();
        assertThat(rebuild.output).contains("rebuilt");
        assertThat(figures()).as("every read model has its rows").hasSize(RebuildProcessTest.FIGURES.size());

        Run check = run("check");
        assertThat(check.ended).as(check.output).isTrue();
        assertThat(check.exitCode).as(check.output).isZero();
        assertThat(check.output).contains("no differences");
        System.out.printf("postgres rebuild after a kill: %d ms, check %d ms%n", rebuild.millis, check.millis);
    }

    /**
     * A claim renewed all along is a running instance's: the rebuild waits for it as long as it is
     * told, then exits with 3 naming the owner, and the read models are as they were.
     */
    @Test
    void aClaimARunningInstanceHoldsStopsTheRebuildWithExit3AndChangesNothing() throws Exception {
        Map<String, String> before = figures();
        claimAll("running@elsewhere", Instant.now().plus(Duration.ofHours(1)));

        Run rebuild = run("rebuild", "--wederkerig.rebuild.claim-wait=" + CLAIM_WAIT.toSeconds() + "s");

        assertThat(rebuild.ended).as("the rebuild's process ended within " + BOUND + ":\n" + rebuild.output).isTrue();
        assertThat(rebuild.exitCode).as(rebuild.output).isEqualTo(3);
        assertThat(rebuild.output).contains("running@elsewhere").contains("another instance")
                .contains("for more than " + CLAIM_WAIT.toSeconds() + " s").contains("waiting for a claim");
        assertThat(figures()).as("the read models as they were").isEqualTo(before);
        assertThat(owners()).as("the running instance keeps its claims").containsOnly("running@elsewhere");
        System.out.printf("postgres rebuild refused for a live claim: %d ms%n", rebuild.millis);
    }

    /** As on H2: a store with a hole is refused with 4, named, and the old read models keep serving. */
    @Test
    void aRebuildOnAStoreWithADeletedEventIsRefusedPlainlyAndLeavesTheReadModelsServing() throws Exception {
        Map<String, String> before = figures();
        long deleted = deleteAMiddleEvent();

        Run rebuild = run("rebuild");

        assertThat(rebuild.ended).as("the rebuild's process ended within " + BOUND + ":\n" + rebuild.output).isTrue();
        assertThat(rebuild.exitCode).as(rebuild.output).isEqualTo(4);
        assertThat(rebuild.output).contains("misses").contains("--wederkerig.verify").doesNotContain("at event 0 of");
        assertThat(figures()).as("the read models as they were").isEqualTo(before);
        assertThat(deleted).isPositive();
        System.out.printf("postgres rebuild refused for a missing event: %d ms%n", rebuild.millis);
    }

    record Run(boolean ended, int exitCode, String output, long millis) {
    }

    private Run run(String operation, String... more) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(book.arguments());
        arguments.add("--wederkerig.read-models=" + operation);
        arguments.add("--server.port=0");
        arguments.addAll(List.of(more));
        Path log = home.resolve(book.name() + "-" + operation + ".log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(AppProcess.command(arguments.toArray(String[]::new))).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        keep(log, log.getFileName().toString());
        return new Run(ended, ended ? process.exitValue() : -1, Files.readString(log), millis);
    }

    /** For a person to read after a failed run. */
    private static void keep(Path log, String name) throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        Path kept = Path.of("target", "postgres-rebuild-process-" + name);
        Files.createDirectories(kept.getParent());
        Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
    }

    private Map<String, String> figures() throws SQLException {
        Map<String, String> figures = new LinkedHashMap<>();
        try (Connection connection = book.connect(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> query : RebuildProcessTest.FIGURES.entrySet()) {
                try (ResultSet row = statement.executeQuery(query.getValue())) {
                    row.next();
                    figures.put(query.getKey(), row.getLong(1) + "/" + row.getLong(2));
                    assertThat(row.getLong(1)).as(query.getKey() + " has rows").isPositive();
                }
            }
        }
        return figures;
    }

    /** Every token claimed by {@code owner}, renewed last at {@code renewedAt} (Axon keeps the time as text). */
    private void claimAll(String owner, Instant renewedAt) throws SQLException {
        try (Connection connection = book.connect();
             PreparedStatement claim = connection.prepareStatement("UPDATE token_entry SET owner = ?, timestamp = ?")) {
            claim.setString(1, owner);
            claim.setString(2, renewedAt.toString());
            assertThat(claim.executeUpdate()).isPositive();
        }
    }

    private List<String> owners() throws SQLException {
        List<String> owners = new ArrayList<>();
        try (Connection connection = book.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT COALESCE(owner, '(none)') FROM token_entry")) {
            while (rows.next()) {
                owners.add(rows.getString(1));
            }
        }
        return owners;
    }

    /** Deletes an event from the middle of an aggregate's stream; returns its global index. */
    private long deleteAMiddleEvent() throws SQLException {
        try (Connection connection = book.connect(); Statement statement = connection.createStatement()) {
            long victim;
            try (ResultSet row = statement.executeQuery("""
                    SELECT e.global_index FROM domain_event_entry e
                     WHERE e.sequence_number > 0
                       AND EXISTS (SELECT 1 FROM domain_event_entry later
                                    WHERE later.aggregate_identifier = e.aggregate_identifier
                                      AND later.sequence_number = e.sequence_number + 1)
                     ORDER BY e.global_index LIMIT 1""")) {
                assertThat(row.next()).as("an aggregate with at least three events").isTrue();
                victim = row.getLong(1);
            }
            assertThat(statement.executeUpdate("DELETE FROM domain_event_entry WHERE global_index = " + victim)).isOne();
            return victim;
        }
    }
}
