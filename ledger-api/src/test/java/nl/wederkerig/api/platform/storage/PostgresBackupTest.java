package nl.wederkerig.api.platform.storage;

import nl.wederkerig.api.platform.eventstore.StoppedBook;
import nl.wederkerig.api.platform.eventstore.Verification;
import nl.wederkerig.api.support.AppProcess;
import nl.wederkerig.api.support.DemoReimbursements;
import nl.wederkerig.api.support.DemoReimbursements.CommandLineRun;
import nl.wederkerig.api.support.DemoReimbursements.Stored;
import nl.wederkerig.api.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BackupTest} on PostgreSQL (the {@code postgres} profile; skipped on H2), the way
 * docs/operations.md says: {@code pg_dump -Fc} while 8 clients send reimbursements without pause,
 * {@code pg_restore} into a fresh database, and there every command acknowledged before the dump
 * began is stored once, no balance is ahead of its events (one dump is one snapshot), the read models
 * equal a replay once the restored application has run ({@code --wederkerig.read-models=check}, no
 * rebuild) and the chain verifies. The application's own backup endpoint says 409
 * {@code backup-not-offered} there, as documented.
 */
@EnabledIfSystemProperty(named = PostgresDatabase.PROFILE_URL_PROPERTY, matches = PostgresDatabase.PROFILE_URL_PATTERN)
class PostgresBackupTest {

    static final int ADVANCES = 10;
    static final String ADMIN = "femke";
    static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);

    private final DemoReimbursements load = new DemoReimbursements("pgbackup");
    private final BackupUnderLoad clients = new BackupUnderLoad(load, Duration.ofSeconds(90));

    @Test
    void aDumpTakenUnderLoadRestoresEveryCommandAcknowledgedBeforeItWithReadModelsEqualToTheEvents(@TempDir Path homes)
            throws Exception {
        Path original = homes.resolve("original");
        Path restored = homes.resolve("restored");
        Path dump = homes.resolve("wederkerig.dump");
        try (PostgresDatabase book = PostgresDatabase.create(); PostgresDatabase copy = PostgresDatabase.create()) {
            Set<String> acknowledgedBeforeDump;
            int acknowledgedDuringDump;
            long dumpMillis;
            try (AppProcess app = AppProcess.start(original, book.arguments("--wederkerig.demo=true"))) {
                makeSystemAdministrator(book, ADMIN);
                HttpResponse<String> offered = clients.postBackup(app, ADMIN);
                assertThat(offered.statusCode()).as(offered.body()).isEqualTo(409);
                assertThat(offered.body()).contains("\"code\":\"backup-not-offered\"");
                load.makeAdvances(app, ADVANCES);

                clients.start(app);
                clients.awaitAcknowledged(150);
                acknowledgedBeforeDump = clients.acknowledged();
                long started = System.nanoTime();
                Tool pgDump = tool(homes, "pg_dump", "-Fc", "-h", book.host(), "-p", book.port(), "-U", book.user(),
                        "-f", dump.toString(), book.name());
                dumpMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                acknowledgedDuringDump = clients.acknowledged().size() - acknowledgedBeforeDump.size();
                clients.awaitAcknowledged(clients.acknowledged().size() + 50);
                clients.stop();

                assertThat(pgDump.exitCode).as(pgDump.output).isZero();
                assertThat(Files.size(dump)).isPositive();
                assertThat(clients.failures()).as("answers other than 2xx under load").isEmpty();
            }

            Tool pgRestore = tool(homes, "pg_restore", "--exit-on-error", "--no-owner", "-h", copy.host(), "-p", copy.port(),
                    "-U", copy.user(), "-d", copy.name(), dump.toString());
            assertThat(pgRestore.exitCode).as(pgRestore.output).isZero();
            BackupUnderLoad.copyKeys(original.resolve("keys"), restored.resolve("keys"));

            Stored stored;
            try (Connection connection = copy.connect()) {
                stored = load.stored(connection);
            }
            System.out.printf("postgres backup: %d commands acknowledged before pg_dump began, %d while it ran (%d ms), %d of them all in the restored copy (%d stored there)%n",
                    acknowledgedBeforeDump.size(), acknowledgedDuringDump, dumpMillis,
                    acknowledgedBeforeDump.stream().filter(stored.timesStored()::containsKey).count(), stored.timesStored().size());
            assertThat(acknowledgedBeforeDump).allSatisfy(id ->
                    assertThat(stored.timesStored()).as("acknowledged before the dump, restored once").containsEntry(id, 1));
            assertThat(stored.timesStored().values()).as("nothing restored twice").allMatch(times -> times == 1);
            assertThat(stored.outstandingCents()).hasSize(ADVANCES);
            // One snapshot of the whole database: a read model may be behind its events (its token is too), never ahead.
            assertThat(stored.balancesAheadOfTheEvents()).as("balances in the restored copy ahead of its events").isEmpty();

            // The restored application, started on the copy: its processors catch up, then it compares with a replay.
            CommandLineRun check = DemoReimbursements.runOnce(Files.createDirectories(restored),
                    copy.arguments("--wederkerig.read-models=check"));
            assertThat(check.exitCode()).as(check.output()).isZero();
            assertThat(check.output()).contains("no differences");
            try (Connection connection = copy.connect()) {
                assertThat(load.stored(connection).balancesThatDisagreeWithTheEvents())
                        .as("balances once the restored copy has run, without a rebuild").isEmpty();
            }
            Verification chain = StoppedBook.verify(new DriverManagerDataSource(copy.url(), copy.user(), ""));
            assertThat(chain.intact()).as(String.join("\n", chain.report())).isTrue();
        } finally {
            if (Files.exists(original.resolve("app.log"))) {
                Files.createDirectories(Path.of("target"));
                Files.copy(original.resolve("app.log"), Path.of("target", "postgres-backup-test.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    record Tool(int exitCode, String output) {
    }

    /** PostgreSQL 15's own client (the server's version), else the one on the PATH. */
    static Tool tool(Path workDirectory, String name, String... arguments) throws IOException, InterruptedException {
        Path versioned = Path.of("/usr/lib/postgresql/15/bin", name);
        List<String> command = new ArrayList<>();
        command.add(Files.isExecutable(versioned) ? versioned.toString() : name);
        command.addAll(List.of(arguments));
        Path log = workDirectory.resolve(name + "-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Tool(-1, name + " did not end within " + TOOL_TIMEOUT + ": " + Files.readString(log));
        }
        return new Tool(process.exitValue(), Files.readString(log));
    }

    /** The installation's administrator is set on the account (docs/operations.md); the demo has none. */
    private static void makeSystemAdministrator(PostgresDatabase book, String username) throws SQLException {
        try (Connection connection = book.connect(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE account SET system_admin = TRUE WHERE username = '" + username + "'")).isEqualTo(1);
        }
    }
}
