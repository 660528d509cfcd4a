package nl.wederkerig.api.platform.durability;

import nl.wederkerig.api.support.AppProcess;
import nl.wederkerig.api.support.DemoReimbursements;
import nl.wederkerig.api.support.DemoReimbursements.Reimbursement;
import nl.wederkerig.api.support.DemoReimbursements.Stored;
import nl.wederkerig.api.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReadOnlyStorageTest} on PostgreSQL (the {@code postgres} profile; skipped on H2), without
 * touching a disk: the database of the test's own is made read-only the way an operator (or a
 * fail-over to a standby) does it, {@code ALTER DATABASE … SET default_transaction_read_only = on},
 * and its sessions are ended so the pool's new ones are read-only (every write: SQL state 25006).
 * While clients send commands, every one is answered 2xx (and stored) or 503
 * {@code storage-unavailable}, health says DOWN. Then the setting is reset <em>without</em> ending the
 * sessions again: the application must drop its read-only sessions by itself ({@code BrokenConnections})
 * and take commands again, without a restart; a refused command sent again is stored once, nothing
 * acknowledged is lost and the balances equal the events.
 */
@EnabledIfSystemProperty(named = PostgresDatabase.PROFILE_URL_PROPERTY, matches = PostgresDatabase.PROFILE_URL_PATTERN)
class PostgresReadOnlyDatabaseTest {

    static final int ADVANCES = 6;
    static final int CLIENTS = 4;
    static final Duration TIME_TO_FAIL = Duration.ofSeconds(20);
    static final Duration TIME_TO_RECOVER = Duration.ofSeconds(20);
    static final Duration TIME_TO_CATCH_UP = Duration.ofSeconds(60);

    private final StorageFaultClients clients = new StorageFaultClients("pgreadonly", CLIENTS);
    private final DemoReimbursements load = clients.load;
    private final Set<String> acknowledged = clients.acknowledged;
    private final Map<String, Reimbursement> refused = clients.refused;
    private final List<String> otherAnswers = clients.otherAnswers;

    @Test
    void aDatabaseTurnedReadOnlyIsRefusedWith503AndTheApplicationRecoversWhenItIsWritableAgain(@TempDir Path home) throws Exception {
        AppProcess app = null;
        try (PostgresDatabase book = PostgresDatabase.create()) {
            try {
                app = AppProcess.start(home, book.arguments("--wederkerig.demo=true"));
                load.makeAdvances(app, ADVANCES);
                int sent = clients.sendRound(app, 0, 20);
                assertThat(acknowledged).as("while the database is writable, every command is taken: " + otherAnswers).hasSize(20);

                admin(book, "ALTER DATABASE " + book.name() + " SET default_transaction_read_only = on");
                endSessionsOf(book);
                assertThat(readOnly(book)).as("a new session on the database is read-only").isTrue();
                int acknowledgedBefore = acknowledged.size();
                long deadline = System.nanoTime() + TIME_TO_FAIL.toNanos();
                while (refused.isEmpty() && System.nanoTime() < deadline) {
                    sent += clients.sendRound(app, sent, CLIENTS * 5);
                }
                int acknowledgedWhileReadOnly = acknowledged.size() - acknowledgedBefore;
                assertThat(refused).as("commands refused once the database is read-only; last answers " + otherAnswers
                        + "\n" + StorageFaultClients.tail(app)).isNotEmpty();
                assertThat(clients.healthStatus(app, Duration.ofSeconds(10), 503)).as("health while the store takes no writes").isEqualTo(503);
                sent += clients.sendRound(app, sent, CLIENTS * 5);
                assertThat(acknowledged).as("nothing acknowledged while read-only (the first ones raced the switch)")
                        .hasSize(acknowledgedBefore + acknowledgedWhileReadOnly);
                int refusedWhileReadOnly = refused.size();

                // Writable again, but the pool's sessions are left alone: they keep the read-only default they started with.
                admin(book, "ALTER DATABASE " + book.name() + " RESET default_transaction_read_only");
                long writable = System.nanoTime();
                Reimbursement probe = load.next(sent++);
                Duration recovery = clients.recovery(app, probe, writable, TIME_TO_RECOVER);
                assertThat(clients.healthStatus(app, Duration.ofSeconds(20), 200)).as("health once the database is writable").isEqualTo(200);
                int acknowledgedBeforeLastRound = acknowledged.size();
                sent += clients.sendRound(app, sent, CLIENTS * 5);
                assertThat(acknowledged).as("every command taken once writable again, no read-only session left: " + otherAnswers)
                        .hasSize(acknowledgedBeforeLastRound + CLIENTS * 5);

                clients.resendRefused(app);

                // The read models follow by themselves (a processor that failed on the read-only database retries).
                Map<String, String> behind = balancesBehind(book, TIME_TO_CATCH_UP);
                app.close();
                app = null;

                Stored stored;
                try (Connection connection = book.connect()) {
                    stored = load.stored(connection);
                }
                System.out.printf("postgres read-only database: acknowledged %d as it turned read-only, refused %d with 503,"
                        + " recovered %d ms after it was writable again, %d commands sent%n",
                        acknowledgedWhileReadOnly, refusedWhileReadOnly, recovery.toMillis(), sent);
                assertThat(acknowledged).allSatisfy(id -> assertThat(stored.timesStored()).as("acknowledged and stored once").containsEntry(id, 1));
                assertThat(stored.timesStored().keySet()).as("nothing stored that was not acknowledged in the end").isEqualTo(acknowledged);
                assertThat(behind).as("balances that disagree with the events after " + TIME_TO_CATCH_UP).isEmpty();
            } finally {
                if (app != null) {
                    app.close();
                }
                StorageFaultClients.keepLog(home, "postgres-read-only-database-test.log");
            }
        }
    }

    /** Ends every session on the database but ours, as a fail-over would: the pool opens new ones. */
    private static void endSessionsOf(PostgresDatabase book) throws SQLException {
        admin(book, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + book.name()
                + "' AND pid <> pg_backend_pid()");
    }

    private static boolean readOnly(PostgresDatabase book) throws SQLException {
        try (Connection connection = book.connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW default_transaction_read_only")) {
            result.next();
            return result.getString(1).equals("on");
        }
    }

    /** A statement on the server's {@code postgres} database, so no session of the book is ours. */
    private static void admin(PostgresDatabase book, String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(book.url().substring(0, book.url().lastIndexOf('/') + 1) + "postgres",
                book.user(), "");
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
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
}
