package nl.wederkerig.api.platform.durability;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.support.AppProcess;
import nl.wederkerig.api.support.DemoReimbursements;
import nl.wederkerig.api.support.DemoReimbursements.Reimbursement;
import nl.wederkerig.api.support.DemoReimbursements.Stored;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full disk, for real: the application's {@code data} directory is a small tmpfs of its own, and
 * the test fills it with a file while commands come in. Then:
 * <ul>
 *   <li>every command is answered 2xx (and stored) or 503 {@code storage-unavailable}, never a 500 or
 *   Spring's default error body, and never a 2xx for a command that is not stored;</li>
 *   <li>{@code /actuator/health} says DOWN while the store takes no writes;</li>
 *   <li>when the file is removed the application takes commands again by itself, without a restart,
 *   and health is UP; a refused command sent again with its key is stored once;</li>
 *   <li>nothing is half stored: the read models equal a replay of the events.</li>
 * </ul>
 * A tmpfs needs {@code mount}, that is root (as on the developers' machines and CI); elsewhere the
 * test is skipped and says so.
 */
// Its application process keeps the book in an H2 file whatever the profile; the PostgreSQL half: PostgresFullDiskTest.
@EngineNeutral
class FullDiskTest {

    static final int ADVANCES = 6;
    static final int CLIENTS = 4;
    static final String TMPFS_SIZE = "48m";
    static final Duration TIME_TO_FAIL = Duration.ofSeconds(20);
    static final Duration TIME_TO_RECOVER = Duration.ofSeconds(30);

    private final StorageFaultClients clients = new StorageFaultClients("disk", CLIENTS);
    private final DemoReimbursements load = clients.load;
    private final Set<String> acknowledged = clients.acknowledged;
    private final Map<String, Reimbursement> refused = clients.refused;
    private final List<String> otherAnswers = clients.otherAnswers;

    @Test
    void aFullDiskIsRefusedWith503AndTheApplicationRecoversWhenSpaceReturns(@TempDir Path home) throws Exception {
        Path data = home.resolve("data");
        Files.createDirectories(data);
        Assumptions.assumeTrue(StorageFaultClients.run("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_SIZE, "tmpfs", data.toString()) == 0,
                "mounting a tmpfs needs root; this test runs where it can (developers' machines, CI)");
        AppProcess app = null;
        try {
            app = AppProcess.start(home, "--wederkerig.demo=true");
            load.makeAdvances(app, ADVANCES);
            int sent = clients.sendRound(app, 0, 20);
            assertThat(acknowledged).as("before the disk is full, every command is taken: " + otherAnswers).hasSize(20);

            Path filler = data.resolve("filler");
            fillTheDisk(filler);
            long refusedBefore = refused.size();
            long deadline = System.nanoTime() + TIME_TO_FAIL.toNanos();
            while (refused.size() == refusedBefore && System.nanoTime() < deadline) {
                sent += clients.sendRound(app, sent, CLIENTS * 5);
            }
            int acknowledgedWhileFull = acknowledged.size() - 20;
            assertThat(refused).as("commands refused once the disk is full").isNotEmpty();
            assertThat(clients.healthStatus(app, Duration.ofSeconds(10), 503)).as("health while the store takes no writes").isEqualTo(503);
            int refusedWhileFull = refused.size();

            Files.delete(filler);
            long freed = System.nanoTime();
            Reimbursement probe = load.next(sent++);
            Duration recovery = clients.recovery(app, probe, freed, TIME_TO_RECOVER);
            assertThat(clients.healthStatus(app, Duration.ofSeconds(20), 200)).as("health once space is back").isEqualTo(200);

            clients.resendRefused(app);
            app.close();
            app = null;

            Stored stored = load.stored(data);
            System.out.printf("full disk: acknowledged %d while the disk filled, refused %d with 503, recovered %d ms after space returned%n",
                    acknowledgedWhileFull, refusedWhileFull, recovery.toMillis());
            assertThat(acknowledged).allSatisfy(id -> assertThat(stored.timesStored()).as("acknowledged and stored once").containsEntry(id, 1));
            assertThat(stored.timesStored().keySet()).as("nothing stored that was not acknowledged in the end").isEqualTo(acknowledged);
            // The read models follow: the check lets every processor reach the end of the events first.
            DemoReimbursements.CommandLineRun check = DemoReimbursements.runOnce(home, "--wederkerig.read-models=check");
            assertThat(check.exitCode()).as(check.output()).isZero();
            assertThat(load.stored(data).balancesThatDisagreeWithTheEvents()).isEmpty();
        } finally {
            if (app != null) {
                app.close();
            }
            StorageFaultClients.keepLog(home, "full-disk-test.log");
            if (Files.exists(data.resolve("wederkerig.mv.db"))) {
                // For a person to look into when it failed: the book as the fault left it.
                Files.copy(data.resolve("wederkerig.mv.db"), Path.of("target", "full-disk-test.mv.db"), StandardCopyOption.REPLACE_EXISTING);
            }
            StorageFaultClients.run("umount", "-l", data.toString());
        }
    }

    /** Writes until the file system says it is full. */
    private static void fillTheDisk(Path filler) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).as("the disk is full").containsIgnoringCase("space");
        }
    }
}
