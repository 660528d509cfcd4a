package nl.wederkerig.api.platform.durability;

import nl.wederkerig.api.support.AppProcess;
import nl.wederkerig.api.support.DemoReimbursements;
import nl.wederkerig.api.support.DemoReimbursements.Reimbursement;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients of a storage-fault test (FullDiskTest, ReadOnlyStorageTest): they send the demo's
 * reimbursements from a few threads at once and sort every answer into acknowledged (2xx), refused
 * as it should be (503 {@code storage-unavailable} as a problem) or anything else, which a test
 * requires to stay empty. Also the few shell and log helpers both tests need.
 */
final class StorageFaultClients {

    /** How long a shell command of a test (mount, losetup, e2fsck) may take. */
    private static final long COMMAND_TIMEOUT_SECONDS = 30;
    /** Warnings and errors of the application's log shown when a test fails. */
    private static final int LOG_LINES_SHOWN = 15;

    final DemoReimbursements load;
    final int clients;
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Sent but not (yet) taken; a command taken on a later try leaves it. */
    final Map<String, Reimbursement> refused = new ConcurrentHashMap<>();
    final List<String> otherAnswers = Collections.synchronizedList(new ArrayList<>());

    StorageFaultClients(String prefix, int clients) {
        this.load = new DemoReimbursements(prefix);
        this.clients = clients;
    }

    /** {@code count} commands from {@link #clients} clients at once; returns how many were sent. */
    int sendRound(AppProcess app, int first, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Reimbursement reimbursement = load.next(first + i);
            sent.add(pool.submit(() -> {
                answer(app, reimbursement);
                return null;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        for (Future<?> each : sent) {
            each.get();
        }
        return count;
    }

    void answer(AppProcess app, Reimbursement reimbursement) throws IOException, InterruptedException {
        // A connection that ends without an answer fails the round: every request gets one.
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

    /**
     * Sends {@code probe} every 200 ms, from {@code sinceNanos} (when the store was given back), until it
     * is taken: the application recovers without a restart within {@code limit} or the test fails.
     *
     * @return how long the recovery took
     */
    Duration recovery(AppProcess app, Reimbursement probe, long sinceNanos, Duration limit) throws Exception {
        while (!acknowledged.contains(probe.commandId())) {
            assertThat(System.nanoTime() - sinceNanos).as("recovers without a restart within " + limit
                            + "; last answers " + otherAnswers + "\n" + tail(app))
                    .isLessThan(limit.toNanos());
            answer(app, probe);
            Thread.sleep(200);
        }
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    /** Once recovered: every refused command, sent again with its key, is taken, and no answer was other than 2xx or a 503 storage problem. */
    void resendRefused(AppProcess app) throws Exception {
        for (Reimbursement again : List.copyOf(refused.values())) {
            answer(app, again);
        }
        assertThat(refused).as("every refused command, sent again with its key, is taken").isEmpty();
        assertThat(otherAnswers).as("answers neither 2xx nor 503 storage-unavailable").isEmpty();
    }

    /** The health endpoint's status, polled until it is {@code wanted} or {@code within} has passed. */
    int healthStatus(AppProcess app, Duration within, int wanted) throws Exception {
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

    static String tail(AppProcess app) {
        List<String> lines = app.log().lines().filter(line -> line.contains("WARN") || line.contains("ERROR")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()));
    }

    /** The application's log under {@code target/}, for a person to read when the test failed. */
    static void keepLog(Path home, String name) throws IOException {
        if (Files.exists(home.resolve("app.log"))) {
            Files.createDirectories(Path.of("target"));
            Files.copy(home.resolve("app.log"), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Runs a shell command; its exit code, or -1 when it is not there or does not end in time. */
    static int run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            return process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException notThere) {
            return -1;
        }
    }

    /** Runs a shell command; what it printed, or "" when it is not there or does not end in time. */
    static String output(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS) ? text : "";
        } catch (IOException notThere) {
            return "";
        }
    }
}
