package nl.wederkerig.api.platform.storage;

import nl.wederkerig.api.demo.DemoData;
import nl.wederkerig.api.platform.eventstore.StoppedBook;
import nl.wederkerig.api.platform.eventstore.Verification;
import nl.wederkerig.api.support.AppProcess;
import nl.wederkerig.api.support.DemoReimbursements;
import nl.wederkerig.api.support.DemoReimbursements.CommandLineRun;
import nl.wederkerig.api.support.DemoReimbursements.Reimbursement;
import nl.wederkerig.api.support.DemoReimbursements.Stored;
import nl.wederkerig.api.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

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
    static final int CLIENTS = 8;
    static final String ADMIN = "femke";
    static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);

    private final DemoReimbursements load = new DemoReimbursements("pgbackup");
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

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
                HttpResponse<String> offered = postBackup(app, ADMIN);
                assertThat(offered.statusCode()).as(offered.body()).isEqualTo(409);
                assertThat(offered.body()).contains("\"code\":\"backup-not-offered\"");
                load.makeAdvances(app, ADVANCES);

                AtomicBoolean loading = new AtomicBoolean(true);
                AtomicInteger sent = new AtomicInteger();
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                for (int c = 0; c < CLIENTS; c++) {
                    clients.submit(() -> {
                        while (loading.get()) {
                            send(app, load.next(sent.getAndIncrement()));
                        }
                    });
                }
                awaitAcknowledged(150);
                acknowledgedBeforeDump = Set.copyOf(acknowledged);
                long started = System.nanoTime();
                Tool pgDump = tool(homes, "pg_dump", "-Fc", "-h", book.host(), "-p", book.port(), "-U", book.user(),
                        "-f", dump.toString(), book.name());
                dumpMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                acknowledgedDuringDump = acknowledged.size() - acknowledgedBeforeDump.size();
                awaitAcknowledged(acknowledged.size() + 50);
                loading.set(false);
                clients.shutdown();
                assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

                assertThat(pgDump.exitCode).as(pgDump.output).isZero();
                assertThat(Files.size(dump)).isPositive();
                assertThat(failures).as("answers other than 2xx under load").isEmpty();
            }

            Tool pgRestore = tool(homes, "pg_restore", "--exit-on-error", "--no-owner", "-h", copy.host(), "-p", copy.port(),
                    "-U", copy.user(), "-d", copy.name(), dump.toString());
            assertThat(pgRestore.exitCode).as(pgRestore.output).isZero();
            copyKeys(original.resolve("keys"), restored.resolve("keys"));

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

    private void send(AppProcess app, Reimbursement reimbursement) {
        try {
            HttpResponse<String> answer = load.send(app, reimbursement);
            if (answer.statusCode() / 100 == 2) {
                acknowledged.add(reimbursement.commandId());
            } else {
                failures.add(answer.statusCode() + " " + answer.body());
            }
        } catch (IOException | InterruptedException e) {
            failures.add(e.toString());
        }
    }

    private void awaitAcknowledged(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (acknowledged.size() < count && failures.isEmpty()) {
            assertThat(System.nanoTime()).as("acknowledged " + acknowledged.size() + " of " + count).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private HttpResponse<String> postBackup(AppProcess app, String user) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/backups"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The installation's administrator is set on the account (docs/operations.md); the demo has none. */
    private static void makeSystemAdministrator(PostgresDatabase book, String username) throws SQLException {
        try (Connection connection = book.connect(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE account SET system_admin = TRUE WHERE username = '" + username + "'")).isEqualTo(1);
        }
    }

    /** The keys are kept apart from any database backup (docs/operations.md): put back beside the restored book. */
    private static void copyKeys(Path keys, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(keys)) {
            for (Path source : files.toList()) {
                Path to = target.resolve(keys.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(source, to);
                }
            }
        }
    }
}
