package nl.wederkerig.api.platform.durability;

import nl.wederkerig.api.support.AppProcess;
import nl.wederkerig.api.support.DemoReimbursements;
import nl.wederkerig.api.support.DemoReimbursements.Reimbursement;
import nl.wederkerig.api.support.DemoReimbursements.Stored;
import nl.wederkerig.api.support.PostgresDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FullDiskTest} on PostgreSQL (the {@code postgres} profile; skipped on H2): the database
 * server's whole data directory, WAL included, is a small tmpfs of a throwaway cluster
 * ({@link ThrowawayPostgres}), and the test fills it with a file while commands come in. Then every
 * command is answered 2xx (and stored) or 503 {@code storage-unavailable}, health says DOWN, and when
 * the file is removed the application takes commands again by itself, without a restart of it or of
 * the server; a refused command sent again is stored once, nothing acknowledged is lost and the
 * balances equal the events. Needs root (mount) and PostgreSQL 15; elsewhere skipped, saying why.
 */
@EnabledIfSystemProperty(named = PostgresDatabase.PROFILE_URL_PROPERTY, matches = PostgresDatabase.PROFILE_URL_PATTERN)
class PostgresFullDiskTest {

    static final int ADVANCES = 6;
    static final int CLIENTS = 4;
    /** The fresh cluster takes 29 MiB of it (WAL in 1 MiB segments), the demo book a few more. */
    static final String TMPFS_SIZE = "80m";
    static final Duration TIME_TO_FAIL = Duration.ofSeconds(30);
    static final Duration TIME_TO_RECOVER = Duration.ofSeconds(30);
    static final Duration TIME_TO_CATCH_UP = Duration.ofSeconds(60);

    private final StorageFaultClients clients = new StorageFaultClients("pgdisk", CLIENTS);
    private final DemoReimbursements load = clients.load;
    private final Set<String> acknowledged = clients.acknowledged;
    private final Map<String, Reimbursement> refused = clients.refused;
    private final List<String> otherAnswers = clients.otherAnswers;

    @Test
    void aFullDiskUnderPostgresIsRefusedWith503AndTheApplicationRecoversWhenSpaceReturns(@TempDir Path home) throws Exception {
        ThrowawayPostgres.Started started = ThrowawayPostgres.start(TMPFS_SIZE);
        Assumptions.assumeTrue(started.cluster() != null, started.whyNot());
        ThrowawayPostgres cluster = started.cluster();
        AppProcess app = null;
        try {
            PostgresDatabase book = cluster.newDatabase();
            app = AppProcess.start(home, book.arguments("--wederkerig.demo=true"));
            load.makeAdvances(app, ADVANCES);
            int sent = clients.sendRound(app, 0, 20);
            assertThat(acknowledged).as("before the disk is full, every command is taken: " + otherAnswers).hasSize(20);

            Path filler = cluster.mount.resolve("filler");
            fillTheDisk(filler);
            int refusedBefore = refused.size();
            long deadline = System.nanoTime() + TIME_TO_FAIL.toNanos();
            while (refused.size() == refusedBefore && System.nanoTime() < deadline) {
                sent += clients.sendRound(app, sent, CLIENTS * 5);
            }
            int acknowledgedWhileFull = acknowledged.size() - 20;
            assertThat(refused).as("commands refused once the disk is full; last answers " + otherAnswers
                    + "\n" + StorageFaultClients.tail(app)).isNotEmpty();
            assertThat(clients.healthStatus(app, Duration.ofSeconds(10), 503)).as("health while the store takes no writes").isEqualTo(503);
            int refusedWhileFull = refused.size();

            Files.delete(filler);
            long freed = System.nanoTime();
            Reimbursement probe = load.next(sent++);
            Duration recovery = clients.recovery(app, probe, freed, TIME_TO_RECOVER);
            assertThat(clients.healthStatus(app, Duration.ofSeconds(20), 200)).as("health once space is back").isEqualTo(200);

            clients.resendRefused(app);

            // The read models follow by themselves (a processor that failed on the full disk retries).
            Map<String, String> behind = balancesBehind(book, TIME_TO_CATCH_UP);
            app.close();
            app = null;

            Stored stored;
            try (Connection connection = book.connect()) {
                stored = load.stored(connection);
            }
            System.out.printf("postgres full disk: acknowledged %d while the disk filled, refused %d with 503, recovered %d ms after space returned%n",
                    acknowledgedWhileFull, refusedWhileFull, recovery.toMillis());
            assertThat(acknowledged).allSatisfy(id -> assertThat(stored.timesStored()).as("acknowledged and stored once").containsEntry(id, 1));
            assertThat(stored.timesStored().keySet()).as("nothing stored that was not acknowledged in the end").isEqualTo(acknowledged);
            assertThat(behind).as("balances that disagree with the events after " + TIME_TO_CATCH_UP).isEmpty();
        } finally {
            if (app != null) {
                app.close();
            }
            StorageFaultClients.keepLog(home, "postgres-full-disk-test.log");
            Files.writeString(Path.of("target", "postgres-full-disk-test-server.log"), cluster.log());
            cluster.close();
        }
    }

    /** Waits until every balance equals its events; what still disagrees when {@code within} passed. */
    private Map<String, String> balancesBehind(PostgresDatabase book, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Map<String, String> wrong;
            try (Connection connection = book.connect()) {
                wrong = load.stored(connection).balancesThatDisagreeWithTheEvents();
            }
            if (wrong.isEmpty() || System.nanoTime() > deadline) {
                return wrong;
            }
            Thread.sleep(250);
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
