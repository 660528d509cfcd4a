package nl.wederkerig.api.platform.durability;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.support.AppProcess;
import nl.wederkerig.api.support.DemoReimbursements;
import nl.wederkerig.api.support.DemoReimbursements.Reimbursement;
import nl.wederkerig.api.support.DemoReimbursements.Stored;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data directory that turns read-only under the running application, for real: {@code data/} is
 * an ext4 file system in a loop-mounted image, mounted {@code errors=remount-ro}, and the test makes
 * the kernel remount it read-only the way it does when the disk reports an error
 * ({@code /sys/fs/ext4/<device>/trigger_fs_error}). Why this way: Linux refuses to remount a file
 * system, or a bind mount of it, read-only while a file on it is open for writing (EBUSY), and H2
 * holds its file open; and root ignores file modes. Then, while clients send commands:
 * <ul>
 *   <li>every command is answered 2xx (and stored) or 503 {@code storage-unavailable}, never a 500 or
 *   Spring's default error body, and never a 2xx for a command that is not stored;</li>
 *   <li>{@code /actuator/health} says DOWN;</li>
 *   <li>the administrator's repair: the read-only mount is detached, the image checked
 *   ({@code e2fsck}) and mounted again, writable, at the same place, without stopping the
 *   application. It takes commands again by itself (H2 reopens its file, now on the writable
 *   mount) and health is UP; a refused command sent again with its key is stored once;</li>
 *   <li>nothing is half stored: the read models equal a replay of the events.</li>
 * </ul>
 * A loop mount needs root (as on the developers' machines and CI); elsewhere the test is skipped and
 * says so.
 */
// Its application process keeps the book in an H2 file whatever the profile; PostgreSQL on a read-only disk shuts down and needs an operator (docs/operations.md).
@EngineNeutral
class ReadOnlyStorageTest {

    static final int ADVANCES = 6;
    static final int CLIENTS = 4;
    static final String IMAGE_SIZE = "64M";
    static final Duration TIME_TO_FAIL = Duration.ofSeconds(20);
    static final Duration TIME_TO_RECOVER = Duration.ofSeconds(30);

    private final StorageFaultClients clients = new StorageFaultClients("readonly", CLIENTS);
    private final DemoReimbursements load = clients.load;
    private final Set<String> acknowledged = clients.acknowledged;
    private final Map<String, Reimbursement> refused = clients.refused;
    private final List<String> otherAnswers = clients.otherAnswers;

    @Test
    void aDataDirectoryTurnedReadOnlyIsRefusedWith503AndTheApplicationRecoversWhenItIsWritableAgain(@TempDir Path home)
            throws Exception {
        Path data = home.resolve("data");
        Path image = home.resolve("data.ext4");
        Files.createDirectories(data);
        Assumptions.assumeTrue(StorageFaultClients.run("truncate", "-s", IMAGE_SIZE, image.toString()) == 0
                        && StorageFaultClients.run("mkfs.ext4", "-q", image.toString()) == 0
                        && StorageFaultClients.run("mount", "-o", "loop,errors=remount-ro", image.toString(), data.toString()) == 0,
                "a loop-mounted ext4 image needs root and mkfs.ext4; this test runs where it can (developers' machines, CI)");
        String device = StorageFaultClients.output("findmnt", "-n", "-o", "SOURCE", data.toString()).trim();
        Path trigger = Path.of("/sys/fs/ext4", Path.of(device).getFileName().toString(), "trigger_fs_error");
        AppProcess app = null;
        try {
            Assumptions.assumeTrue(Files.isWritable(trigger), "the kernel offers no " + trigger + " to turn the file system read-only");
            app = AppProcess.start(home, "--wederkerig.demo=true");
            load.makeAdvances(app, ADVANCES);
            int sent = clients.sendRound(app, 0, 20);
            assertThat(acknowledged).as("while the directory is writable, every command is taken: " + otherAnswers).hasSize(20);

            Files.writeString(trigger, "ReadOnlyStorageTest");
            assertThatThrownBy(() -> Files.createFile(data.resolve("probe"))).as("the kernel remounted it read-only")
                    .hasMessageContaining("Read-only file system");
            int acknowledgedBefore = acknowledged.size();
            long deadline = System.nanoTime() + TIME_TO_FAIL.toNanos();
            while (refused.isEmpty() && System.nanoTime() < deadline) {
                sent += clients.sendRound(app, sent, CLIENTS * 5);
            }
            int acknowledgedWhileReadOnly = acknowledged.size() - acknowledgedBefore;
            assertThat(refused).as("commands refused once the directory is read-only: " + otherAnswers).isNotEmpty();
            assertThat(clients.healthStatus(app, Duration.ofSeconds(10), 503)).as("health while the store takes no writes").isEqualTo(503);
            sent += clients.sendRound(app, sent, CLIENTS);
            assertThat(acknowledged).as("nothing acknowledged while read-only (the first ones raced the remount)")
                    .hasSize(acknowledgedBefore + acknowledgedWhileReadOnly);
            int refusedWhileReadOnly = refused.size();

            // The repair, with the application running: the old mount stays alive only for the files H2 still holds.
            assertThat(StorageFaultClients.run("umount", "-l", data.toString())).as("detach the read-only mount").isZero();
            assertThat(StorageFaultClients.run("e2fsck", "-f", "-y", image.toString())).as("e2fsck: 0 clean, 1 corrected").isLessThanOrEqualTo(1);
            String fresh = StorageFaultClients.output("losetup", "-f", "--show", image.toString()).trim();
            assertThat(StorageFaultClients.run("mount", fresh, data.toString())).as("mount the checked file system again, writable").isZero();
            long writable = System.nanoTime();
            Reimbursement probe = load.next(sent++);
            Duration recovery = clients.recovery(app, probe, writable, TIME_TO_RECOVER);
            assertThat(clients.healthStatus(app, Duration.ofSeconds(20), 200)).as("health once the directory is writable").isEqualTo(200);

            clients.resendRefused(app);
            app.close();
            app = null;

            Stored stored = load.stored(data);
            System.out.printf("read-only storage: acknowledged %d as it turned read-only, refused %d with 503, recovered %d ms after"
                    + " it was writable again%n", acknowledgedWhileReadOnly, refusedWhileReadOnly, recovery.toMillis());
            assertThat(acknowledged).allSatisfy(id -> assertThat(stored.timesStored()).as("acknowledged and stored once").containsEntry(id, 1));
            assertThat(stored.timesStored().keySet()).as("nothing stored that was not acknowledged in the end").isEqualTo(acknowledged);
            DemoReimbursements.CommandLineRun check = DemoReimbursements.runOnce(home, "--wederkerig.read-models=check");
            assertThat(check.exitCode()).as(check.output()).isZero();
            assertThat(load.stored(data).balancesThatDisagreeWithTheEvents()).isEmpty();
        } finally {
            if (app != null) {
                app.close();
            }
            StorageFaultClients.keepLog(home, "read-only-storage-test.log");
            if (Files.exists(data.resolve("wederkerig.mv.db"))) {
                Files.copy(data.resolve("wederkerig.mv.db"), Path.of("target", "read-only-storage-test.mv.db"), StandardCopyOption.REPLACE_EXISTING);
            }
            // Both mounts, the repaired one and (if the repair did not happen) the read-only one; loop devices go with them.
            StorageFaultClients.run("umount", data.toString());
            StorageFaultClients.run("umount", "-l", data.toString());
            String left = StorageFaultClients.output("losetup", "-j", image.toString());
            for (String line : left.lines().toList()) {
                StorageFaultClients.run("losetup", "-d", line.substring(0, line.indexOf(':')));
            }
        }
    }
}
