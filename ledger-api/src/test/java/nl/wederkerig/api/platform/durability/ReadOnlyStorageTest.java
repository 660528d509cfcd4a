package nl.wederkerig.api.platform.durability;

import nl.wederkerig.api.support.AppProcess;
import nl.wederkerig.api.support.DemoReimbursements;
import nl.wederkerig.api.support.DemoReimbursements.Reimbursement;
import nl.wederkerig.api.support.DemoReimbursements.Stored;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
class ReadOnlyStorageTest {

    static final int ADVANCES = 6;
    static final int CLIENTS = 4;
    static final String IMAGE_SIZE = "64M";
    static final Duration TIME_TO_FAIL = Duration.ofSeconds(20);
    static final Duration TIME_TO_RECOVER = Duration.ofSeconds(30);

    private final DemoReimbursements load = new DemoReimbursements("readonly");
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, Reimbursement> refused = new ConcurrentHashMap<>();
    private final List<String> otherAnswers = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void aDataDirectoryTurnedReadOnlyIsRefusedWith503AndTheApplicationRecoversWhenItIsWritableAgain(@TempDir Path home)
            throws Exception {
        Path data = home.resolve("data");
        Path image = home.resolve("data.ext4");
        Files.createDirectories(data);
        Assumptions.assumeTrue(run("truncate", "-s", IMAGE_SIZE, image.toString()) == 0
                        && run("mkfs.ext4", "-q", image.toString()) == 0
                        && run("mount", "-o", "loop,errors=remount-ro", image.toString(), data.toString()) == 0,
                "a loop-mounted ext4 image needs root and mkfs.ext4; this test runs where it can (developers' machines, CI)");
        String device = output("findmnt", "-n", "-o", "SOURCE", data.toString()).trim();
        Path trigger = Path.of("/sys/fs/ext4", Path.of(device).getFileName().toString(), "trigger_fs_error");
        AppProcess app = null;
        try {
            Assumptions.assumeTrue(Files.isWritable(trigger), "the kernel offers no " + trigger + " to turn the file system read-only");
            app = AppProcess.start(home, "--wederkerig.demo=true");
            load.makeAdvances(app, ADVANCES);
            int sent = sendRound(app, 0, 20);
            assertThat(acknowledged).as("while the directory is writable, every command is taken: " + otherAnswers).hasSize(20);

            Files.writeString(trigger, "ReadOnlyStorageTest");
            assertThatThrownBy(() -> Files.createFile(data.resolve("probe"))).as("the kernel remounted it read-only")
                    .hasMessageContaining("Read-only file system");
            int acknowledgedBefore = acknowledged.size();
            long deadline = System.nanoTime() + TIME_TO_FAIL.toNanos();
            while (refused.isEmpty() && System.nanoTime() < deadline) {
                sent += sendRound(app, sent, CLIENTS * 5);
            }
            int acknowledgedWhileReadOnly = acknowledged.size() - acknowledgedBefore;
            assertThat(refused).as("commands refused once the directory is read-only: " + otherAnswers).isNotEmpty();
            assertThat(healthStatus(app, Duration.ofSeconds(10), 503)).as("health while the store takes no writes").isEqualTo(503);
            sent += sendRound(app, sent, CLIENTS);
            assertThat(acknowledged).as("nothing acknowledged while read-only (the first ones raced the remount)")
                    .hasSize(acknowledgedBefore + acknowledgedWhileReadOnly);
            int refusedWhileReadOnly = refused.size();

            // The repair, with the application running: the old mount stays alive only for the files H2 still holds.
            assertThat(run("umount", "-l", data.toString())).as("detach the read-only mount").isZero();
            assertThat(run("e2fsck", "-f", "-y", image.toString())).as("e2fsck: 0 clean, 1 corrected").isLessThanOrEqualTo(1);
            String fresh = output("losetup", "-f", "--show", image.toString()).trim();
            assertThat(run("mount", fresh, data.toString())).as("mount the checked file system again, writable").isZero();
            long writable = System.nanoTime();
            Reimbursement probe = load.next(sent++);
            while (!acknowledged.contains(probe.commandId())) {
                assertThat(System.nanoTime() - writable).as("recovers without a restart within " + TIME_TO_RECOVER
                                + "; last answers " + otherAnswers + "\n" + tail(app))
                        .isLessThan(TIME_TO_RECOVER.toNanos());
                answer(app, probe);
                Thread.sleep(200);
            }
            Duration recovery = Duration.ofNanos(System.nanoTime() - writable);
            assertThat(healthStatus(app, Duration.ofSeconds(10), 200)).as("health once the directory is writable").isEqualTo(200);

            for (Reimbursement again : List.copyOf(refused.values())) {
                answer(app, again);
            }
            assertThat(refused).as("every refused command, sent again with its key, is taken").isEmpty();
            assertThat(otherAnswers).as("answers neither 2xx nor 503 storage-unavailable").isEmpty();
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
            keepLog(home);
            if (Files.exists(data.resolve("wederkerig.mv.db"))) {
                Files.copy(data.resolve("wederkerig.mv.db"), Path.of("target", "read-only-storage-test.mv.db"), StandardCopyOption.REPLACE_EXISTING);
            }
            // Both mounts, the repaired one and (if the repair did not happen) the read-only one; loop devices go with them.
            run("umount", data.toString());
            run("umount", "-l", data.toString());
            String left = output("losetup", "-j", image.toString());
            for (String line : left.lines().toList()) {
                run("losetup", "-d", line.substring(0, line.indexOf(':')));
            }
        }
    }

    /** {@code count} commands from {@link #CLIENTS} clients at once; returns how many were sent. */
    private int sendRound(AppProcess app, int first, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Reimbursement reimbursement = load.next(first + i);
            sent.add(clients.submit(() -> {
                answer(app, reimbursement);
                return null;
            }));
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        for (Future<?> each : sent) {
            each.get();
        }
        return count;
    }

    private void answer(AppProcess app, Reimbursement reimbursement) throws IOException, InterruptedException {
        HttpResponse<String> answer = load.send(app, reimbursement);
        if (answer.statusCode() / 100 == 2) {
            acknowledged.add(reimbursement.commandId());
            refused.remove(reimbursement.commandId());
        } else if (answer.statusCode() == 503 && answer.body().contains("\"code\":\"storage-unavailable\"")
                && answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            refused.put(reimbursement.commandId(), reimbursement);
        } else {
            otherAnswers.add(answer.statusCode() + " " + answer.body());
            refused.put(reimbursement.commandId(), reimbursement);
        }
    }

    /** The health endpoint's status, polled until it is {@code wanted} or {@code within} has passed. */
    private int healthStatus(AppProcess app, Duration within, int wanted) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        int status;
        do {
            status = load.get(app, "/actuator/health").statusCode();
            if (status == wanted) {
                return status;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return status;
    }

    private static String tail(AppProcess app) {
        List<String> lines = app.log().lines().filter(line -> line.contains("WARN") || line.contains("ERROR")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static void keepLog(Path home) throws IOException {
        if (Files.exists(home.resolve("app.log"))) {
            Files.createDirectories(Path.of("target"));
            Files.copy(home.resolve("app.log"), Path.of("target", "read-only-storage-test.log"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static int run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException notThere) {
            return -1;
        }
    }

    private static String output(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return process.waitFor(30, TimeUnit.SECONDS) ? text : "";
        } catch (IOException notThere) {
            return "";
        }
    }
}
