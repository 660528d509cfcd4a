package nl.wederkerig.api.platform.readmodels;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.support.AppProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * {@code --wederkerig.read-models=rebuild} as an operator runs it: a process of its own on the data
 * directory of an application that was just killed, or whose event store lost an event. Either way
 * the process ends by itself within a bound, with a plain message when it cannot do its work, and
 * the read models people read are never empty or half built (issue 17).
 */
// Its application process keeps the book in an H2 file whatever the profile; the PostgreSQL half: PostgresRebuildProcessTest.
@EngineNeutral
class RebuildProcessTest {

    /** Far more than a rebuild of the demo book takes (seconds), far less than "hangs". */
    static final Duration BOUND = Duration.ofMinutes(3);

    /** Tables the figures are read from before and after, with a column that says the figures changed. */
    static final Map<String, String> FIGURES = Map.of(
            "advance_balance", "SELECT COUNT(*), COALESCE(SUM(outstanding_cents), 0) FROM advance_balance",
            "journal_entry", "SELECT COUNT(*), COALESCE(SUM(global_order), 0) FROM journal_entry",
            "member", "SELECT COUNT(*), COUNT(deregistered_on) FROM member");

    /**
     * Found in the field: a rebuild started seconds after a {@code kill -9} could not claim the
     * dead process's tokens, failed, and its JVM never ended. The claims are made to look as fresh as
     * the dead process left them at its last moment, however long this machine took to start the
     * rebuild's JVM.
     */
    @Test
    void aRebuildRightAfterAKillFinishesAndItsProcessEnds(@TempDir Path home) throws Exception {
        AppProcess app = AppProcess.start(home, "--wederkerig.demo=true");
        app.kill();
        claimsLookFresh(home);

        Run rebuild = run(home, "rebuild");

        assertThat(rebuild.ended).as("the rebuild's process ended within " + BOUND + ":\n" + rebuild.output).isTrue();
        assertThat(rebuild.exitCode).as(rebuild.output).isZero();
        assertThat(rebuild.output).contains("rebuilt");
        assertThat(figures(home)).as("every read model has its rows").hasSize(FIGURES.size());

        Run check = run(home, "check");
        assertThat(check.ended).as(check.output).isTrue();
        assertThat(check.exitCode).as(check.output).isZero();
        assertThat(check.output).contains("no differences");
    }

    /**
     * Found in the field: a rebuild on a store from which an event was deleted by hand emptied the
     * live read models and then stood at "at event 0 of N". A store with a hole is refused, named,
     * and the old read models keep serving.
     */
    @Test
    void aRebuildOnAStoreWithADeletedEventIsRefusedPlainlyAndLeavesTheReadModelsServing(@TempDir Path home) throws Exception {
        AppProcess app = AppProcess.start(home, "--wederkerig.demo=true");
        app.close();
        Map<String, String> before = figures(home);
        long deleted = deleteAMiddleEvent(home);

        Run rebuild = run(home, "rebuild");

        assertThat(rebuild.ended).as("the rebuild's process ended within " + BOUND + ":\n" + rebuild.output).isTrue();
        assertThat(rebuild.exitCode).as(rebuild.output).isEqualTo(4);
        assertThat(rebuild.output).contains("misses").contains("--wederkerig.verify")
                .doesNotContain("at event 0 of");
        assertThat(figures(home)).as("the read models as they were").isEqualTo(before);
        assertThat(deleted).isPositive();

        Run check = run(home, "check");
        assertThat(check.ended).as(check.output).isTrue();
        assertThat(check.exitCode).as("the check refuses the same store: " + check.output).isEqualTo(4);
        assertThat(check.output).contains("misses");
    }

    record Run(boolean ended, int exitCode, String output) {
    }

    private static Run run(Path home, String operation) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(AppProcess.command("--wederkerig.read-models=" + operation, "--server.port=0"));
        Path log = home.resolve(operation + ".log");
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        keep(home, log);
        return new Run(ended, ended ? process.exitValue() : -1, output);
    }

    /** For a person to read after a failed run. */
    private static void keep(Path home, Path log) throws IOException {
        Path kept = Path.of("target", "rebuild-process-" + home.getFileName() + "-" + log.getFileName());
        Files.createDirectories(kept.getParent());
        Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Connection connect(Path home) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + home.resolve("data").resolve("wederkerig").toAbsolutePath(), "sa", "");
    }

    private static Map<String, String> figures(Path home) throws SQLException {
        Map<String, String> figures = new LinkedHashMap<>();
        try (Connection connection = connect(home); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> query : FIGURES.entrySet()) {
                try (ResultSet row = statement.executeQuery(query.getValue())) {
                    row.next();
                    figures.put(query.getKey(), row.getLong(1) + "/" + row.getLong(2));
                    assertThat(row.getLong(1)).as(query.getKey() + " has rows").isPositive();
                }
            }
        }
        return figures;
    }

    /** Every token claimed by the killed process, as at the moment it renewed its claims. */
    private static void claimsLookFresh(Path home) throws SQLException {
        try (Connection connection = connect(home);
             PreparedStatement touch = connection.prepareStatement(
                     "UPDATE token_entry SET owner = 'killed@elsewhere', timestamp = ?")) {
            // A minute ahead: however long the rebuild's JVM takes to start, the claim has not yet expired by age.
            touch.setString(1, Instant.now().plusSeconds(60).toString());
            assertThat(touch.executeUpdate()).isPositive();
        }
    }

    /** Deletes an event from the middle of an aggregate's stream; returns its global index. */
    private static long deleteAMiddleEvent(Path home) throws SQLException {
        try (Connection connection = connect(home); Statement statement = connection.createStatement()) {
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
