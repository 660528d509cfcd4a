package nl.wederkerig.api.platform.eventstore;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the tests of late appends share: holding a command's transaction open, taking indexes that
 * never fill (as a rolled-back append does), other neighbours committing meanwhile, and a
 * PostgreSQL database of a test class's own.
 */
final class HeldAppends {

    private HeldAppends() {
    }

    /**
     * On PostgreSQL (the {@code postgres} Maven profile) points the context at a fresh database of its
     * own, so its event processors never compete with the shared test context's; on H2 every context
     * has a private in-memory database already (application-test.yml).
     */
    static void ownPostgresDatabase(DynamicPropertyRegistry properties, String database) throws SQLException {
        String shared = System.getProperty("spring.datasource.url", "");
        if (!shared.startsWith("jdbc:postgresql:")) {
            return;
        }
        String server = shared.substring(0, shared.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        properties.add("spring.datasource.url", () -> server + database);
    }

    /**
     * Lets the slow command's events be inserted, then holds its transaction open until released or
     * {@code atMost} has passed.
     */
    static MessageHandlerInterceptor<CommandMessage<?>> holdBeforeCommit(AdvanceId slow, CountDownLatch appended,
                                                                        CountDownLatch release, Duration atMost) {
        return (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof MakeAdvance make && make.advanceId().equals(slow)) {
                // COMMIT handlers run in reverse order: this one before the transaction's own commit.
                unitOfWork.onCommit(u -> {
                    appended.countDown();
                    try {
                        release.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            return chain.proceed();
        };
    }

    static String advance(AdvanceId advance, MemberId borrower) {
        return """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"7.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(advance.value(), borrower.value());
    }

    /** Takes {@code count} global indexes as appends do and rolls them back: gaps that never fill. */
    static void burnIndexes(DataSource dataSource, int count) throws SQLException {
        try (Connection session = dataSource.getConnection()) {
            session.setAutoCommit(false);
            try {
                insertRows(session, Neighbours.unique("rolled-back"), count);
            } finally {
                session.rollback();
                session.setAutoCommit(true);
            }
        }
    }

    /** Inserts {@code count} events of {@code aggregate} (sequence numbers 0 to count - 1) on {@code session}, uncommitted. */
    static void insertRows(Connection session, String aggregate, int count) throws SQLException {
        String series = "PostgreSQL".equals(session.getMetaData().getDatabaseProductName())
                ? "generate_series(0, ? - 1) AS s(x)"
                : "SYSTEM_RANGE(0, ? - 1)";
        try (PreparedStatement insert = session.prepareStatement("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, time_stamp,
                                                payload_type, payload)
                SELECT ? || CAST(x AS VARCHAR(20)), ?, x, ?, 'held.by.a.test', ? FROM""" + " " + series)) {
            insert.setString(1, aggregate + "-");
            insert.setString(2, aggregate);
            insert.setString(3, Instant.now().toString());
            insert.setBytes(4, new byte[] {0});
            insert.setInt(5, count);
            insert.executeUpdate();
        }
    }

    /**
     * Wijken where other neighbours make advances while a slow one waits: one per thread, because a
     * command holds its community (the advance limit is checked against it in the same unit of
     * work), each with two neighbours who lend to each other in turn (nobody reaches the cap on
     * open advances).
     */
    static final class OtherWijken {

        private final CommandGateway commands;
        private final List<OwnCommunity> wijken = new ArrayList<>();
        private final List<MemberId[]> pairs = new ArrayList<>();
        private final LocalDate today = LocalDate.now(LedgerTime.ZONE);

        OtherWijken(CommandGateway commands, LoginStore accounts, JdbcTemplate jdbc, int count) {
            this.commands = commands;
            for (int i = 0; i < count; i++) {
                OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "other" + i);
                wijken.add(wijk);
                pairs.add(new MemberId[] {wijk.member("a"), wijk.member("b")});
            }
        }

        /** Starts {@code count} advances spread over the wijken, one thread each, as fast as they go. */
        Running commit(int count) {
            return new Running(count, Duration.ZERO);
        }

        /**
         * Advances spread over the wijken, one thread each, every {@code pause} per thread, until
         * {@link Running#stop()}: commits that go on while a slow transaction is held, as in production.
         */
        Running keepCommitting(Duration pause) {
            return new Running(Integer.MAX_VALUE, pause);
        }

        final class Running {
            private final AtomicInteger stored = new AtomicInteger();
            private final ExecutorService pool = Executors.newFixedThreadPool(wijken.size());
            private final List<Future<?>> threads = new ArrayList<>();
            private volatile boolean stopped;

            private Running(int count, Duration pause) {
                int each = count / wijken.size();
                for (int t = 0; t < wijken.size(); t++) {
                    OwnCommunity wijk = wijken.get(t);
                    MemberId[] pair = pairs.get(t);
                    int share = each + (t < count % wijken.size() ? 1 : 0);
                    threads.add(pool.submit(() -> {
                        for (int i = 0; i < share && !stopped; i++) {
                            // Lending in turn, so neither reaches the cap of open advances; a few hundred at most.
                            MemberId from = pair[i % 2];
                            MemberId to = pair[(i + 1) % 2];
                            commands.sendAndWait(new MakeAdvance(AdvanceId.of(Neighbours.unique("q")), wijk.id, from, to,
                                    Money.eur("1.00"), Purpose.GROCERIES, today, from));
                            stored.incrementAndGet();
                            Thread.sleep(pause.toMillis());
                        }
                        return null;
                    }));
                }
                pool.shutdown();
            }

            int stored() {
                return stored.get();
            }

            /** Stops after the advances in flight; returns how many were stored. */
            int stop() throws Exception {
                stopped = true;
                return await();
            }

            /** Waits until every advance is stored, or fails with the first that was not. */
            int await() throws Exception {
                for (Future<?> thread : threads) {
                    thread.get(120, TimeUnit.SECONDS);
                }
                return stored.get();
            }
        }
    }
}
