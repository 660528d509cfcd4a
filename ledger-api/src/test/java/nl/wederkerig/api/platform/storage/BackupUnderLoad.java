package nl.wederkerig.api.platform.storage;

import nl.wederkerig.api.demo.DemoData;
import nl.wederkerig.api.support.AppProcess;
import nl.wederkerig.api.support.DemoReimbursements;
import nl.wederkerig.api.support.DemoReimbursements.Reimbursement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
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
 * What both backup tests do around the backup itself ({@link BackupTest} on H2, {@link PostgresBackupTest} with
 * {@code pg_dump}): clients that send reimbursements without pause and remember which were acknowledged, the
 * wait for a number of acknowledgements, the backup request, and putting the keys back beside a restored book.
 */
final class BackupUnderLoad {

    static final int CLIENTS = 8;

    private final DemoReimbursements load;
    private final Duration acknowledgementWait;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean loading = new AtomicBoolean();
    private ExecutorService clients;

    /** @param acknowledgementWait how long {@link #awaitAcknowledged} may wait before the test fails */
    BackupUnderLoad(DemoReimbursements load, Duration acknowledgementWait) {
        this.load = load;
        this.acknowledgementWait = acknowledgementWait;
    }

    /** {@value #CLIENTS} clients sending reimbursements to {@code app} until {@link #stop()}. */
    void start(AppProcess app) {
        loading.set(true);
        AtomicInteger sent = new AtomicInteger();
        clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (loading.get()) {
                    send(app, load.next(sent.getAndIncrement()));
                }
            });
        }
    }

    void stop() throws InterruptedException {
        loading.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).as("clients stopped").isTrue();
    }

    /** The command ids acknowledged with a 2xx so far. */
    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** Answers other than 2xx, and failures to send. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    void awaitAcknowledged(int count) throws InterruptedException {
        long deadline = System.nanoTime() + acknowledgementWait.toNanos();
        while (acknowledged.size() < count && failures.isEmpty()) {
            assertThat(System.nanoTime()).as("acknowledged " + acknowledged.size() + " of " + count).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    HttpResponse<String> postBackup(AppProcess app, String user) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/backups"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The keys are kept apart from any backup (docs/operations.md): put back beside the restored book. */
    static void copyKeys(Path keys, Path target) throws IOException {
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
}
