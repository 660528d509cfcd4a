package nl.wederkerig.api.platform.storage;

import nl.wederkerig.api.support.EngineNeutral;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.wederkerig.api.platform.eventstore.StoppedBook;
import nl.wederkerig.api.platform.eventstore.Verification;
import nl.wederkerig.api.support.AppProcess;
import nl.wederkerig.api.support.DemoReimbursements;
import nl.wederkerig.api.support.DemoReimbursements.CommandLineRun;
import nl.wederkerig.api.support.DemoReimbursements.Stored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An online backup restores the same book (issue 17): 8 clients send reimbursements without pause
 * while the installation's administrator takes a backup ({@code POST /api/v1/backups}). The backup
 * is unzipped into a fresh directory (with the keys, which are kept apart), and there: every
 * command acknowledged before the backup was asked for is stored once, no advance's balance counts
 * a reimbursement that is not stored (no read model ahead of its events) and, once it has run, each
 * equals its amount less the reimbursements stored; the
 * read models equal a replay ({@code --wederkerig.read-models=check}) and the chain verifies
 * (the walk of {@code --wederkerig.verify}), without a rebuild. Nobody else may take a backup.
 */
// Its application process keeps the book in an H2 file whatever the profile; the PostgreSQL half: PostgresBackupTest.
@EngineNeutral
class BackupTest {

    static final int ADVANCES = 10;
    static final String ADMIN = "femke";

    private final DemoReimbursements load = new DemoReimbursements("backup");
    private final BackupUnderLoad clients = new BackupUnderLoad(load, Duration.ofSeconds(60));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aBackupTakenUnderLoadRestoresEveryCommandAcknowledgedBeforeItWithReadModelsEqualToTheEvents(@TempDir Path homes)
            throws Exception {
        Path original = homes.resolve("original");
        Path restored = homes.resolve("restored");
        try {
            AppProcess.start(original, "--wederkerig.demo=true").close();
            makeSystemAdministrator(original.resolve("data"), ADMIN);
            Set<String> acknowledgedBeforeBackup;
            int acknowledgedDuringBackup;
            String fileName;
            try (AppProcess app = AppProcess.start(original, "--wederkerig.demo=true")) {
                load.makeAdvances(app, ADVANCES);
                assertThat(clients.postBackup(app, "amina").statusCode()).as("a coordinator is no administrator of the machine").isEqualTo(403);

                clients.start(app);
                clients.awaitAcknowledged(150);
                acknowledgedBeforeBackup = clients.acknowledged();
                HttpResponse<String> backup = clients.postBackup(app, ADMIN);
                acknowledgedDuringBackup = clients.acknowledged().size() - acknowledgedBeforeBackup.size();
                clients.awaitAcknowledged(clients.acknowledged().size() + 50);
                clients.stop();

                assertThat(backup.statusCode()).as(backup.body()).isEqualTo(201);
                JsonNode taken = json.readTree(backup.body());
                fileName = taken.path("fileName").asText();
                assertThat(fileName).matches("wederkerig-\\d{8}-\\d{6}-\\d{3}\\.zip");
                assertThat(taken.path("bytes").asLong()).isPositive();
                assertThat(clients.failures()).as("answers other than 2xx under load").isEmpty();
            }
            Path zip = original.resolve("data").resolve("backups").resolve(fileName);
            assertThat(zip).exists();
            try (Stream<Path> parts = Files.list(zip.getParent())) {
                assertThat(parts.map(Path::getFileName).map(Path::toString)).as("no half backup left").noneMatch(name -> name.endsWith(".part"));
            }

            restore(zip, original.resolve("keys"), restored);
            Stored stored = load.stored(restored.resolve("data"));
            System.out.printf("backup: %d commands acknowledged before the backup, %d while it ran, %d of them all in the restored copy (%d stored there)%n",
                    acknowledgedBeforeBackup.size(), acknowledgedDuringBackup,
                    acknowledgedBeforeBackup.stream().filter(stored.timesStored()::containsKey).count(), stored.timesStored().size());
            assertThat(acknowledgedBeforeBackup).allSatisfy(id ->
                    assertThat(stored.timesStored()).as("acknowledged before the backup, restored once").containsEntry(id, 1));
            assertThat(stored.outstandingCents()).hasSize(ADVANCES);
            // One moment of the whole database: a read model may be behind its events (its token is too), never ahead.
            assertThat(stored.balancesAheadOfTheEvents()).as("balances in the restored copy ahead of its events").isEmpty();
            CommandLineRun check = DemoReimbursements.runOnce(restored, "--wederkerig.read-models=check");
            assertThat(check.exitCode()).as(check.output()).isZero();
            assertThat(check.output()).contains("no differences");
            assertThat(load.stored(restored.resolve("data")).balancesThatDisagreeWithTheEvents())
                    .as("balances once the restored copy has run, without a rebuild").isEmpty();
            Verification chain = StoppedBook.verify(restored.resolve("data"));
            assertThat(chain.intact()).as(String.join("\n", chain.report())).isTrue();
        } finally {
            if (Files.exists(original.resolve("app.log"))) {
                Files.createDirectories(Path.of("target"));
                Files.copy(original.resolve("app.log"), Path.of("target", "backup-test.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The installation's administrator is set on the account (docs/operations.md); the demo has none. */
    private static void makeSystemAdministrator(Path data, String username) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("wederkerig").toAbsolutePath(), "sa", "");
             Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE account SET system_admin = TRUE WHERE username = '" + username + "'")).isEqualTo(1);
        }
    }

    /** As docs/operations.md says: unzip into a fresh data directory, and put the keys back beside it. */
    private static void restore(Path zip, Path keys, Path home) throws IOException {
        Path data = Files.createDirectories(home.resolve("data"));
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = data.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(data)).as("entry inside the data directory: " + entry.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(entries, target);
            }
        }
        BackupUnderLoad.copyKeys(keys, home.resolve("keys"));
        assertThat(data.resolve("wederkerig.mv.db")).exists();
    }
}
