package nl.wederkerig.benchmarks;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.api.platform.eventstore.DurableCommits;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The ceiling for appending: plain JDBC inserts of one event row per transaction into a table
 * shaped like domain_event_entry (same columns, keys and unique constraints), in the same H2 file
 * database, through the application's own connection pool. No framework does less work than this
 * for one stored event, so commands/s divided by it says what the rest of the stack costs.
 *
 * <p>Durable like the ledger's own commits: each row is one Spring transaction that asks
 * {@link DurableCommits} for the same sync after commit as every Axon transaction (on H2 a
 * {@code CHECKPOINT SYNC} on the committer's connection, shared by commits waiting at the same
 * moment). Before 2 December the ceiling committed with auto-commit and no sync, while every command
 * waited for the disk: the ratio compared a durable command with a row that was not yet on the device.
 */
final class JdbcCeiling {

    private static final String TABLE = "bench_event_entry";

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final DurableCommits durableCommits;
    private final byte[] payload;
    private final byte[] metaData;

    /** The row carries a real AdvanceMade and metadata as the application serializes them. */
    JdbcCeiling(DataSource dataSource, PlatformTransactionManager transactionManager, DurableCommits durableCommits,
                Serializer eventSerializer) {
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.durableCommits = durableCommits;
        AdvanceMade event = new AdvanceMade(AdvanceId.of("ceiling-sample"), CommunityId.of("bench"), MemberId.of("lender"),
                MemberId.of("borrower"), Money.eur("50.00"), Purpose.GROCERIES, LocalDate.now(), MemberId.of("lender"),
                Instant.now());
        this.payload = eventSerializer.serialize(event, byte[].class).getData();
        MetaData correlation = MetaData.with("traceId", UUID.randomUUID().toString())
                .and("correlationId", UUID.randomUUID().toString());
        this.metaData = eventSerializer.serialize(correlation, byte[].class).getData();
    }

    double rowsPerSecond(int threads, int rows) throws Exception {
        createTable();
        try {
            return Load.operationsPerSecond(threads, rows, warmup(rows, threads), this::insertOneRow);
        } finally {
            execute("DROP TABLE " + TABLE);
        }
    }

    static int warmup(int operations, int threads) {
        return Math.max(2, operations / threads / 10);
    }

    private void insertOneRow(int thread, int index) {
        // A transaction per row on a pooled connection, as a command gets one per unit of work, and the
        // same durable commit: the row is on the device when this returns.
        transactions.executeWithoutResult(status -> {
            durableCommits.afterThisTransactionCommits();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                    + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                    + " payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, "ceiling-t" + thread + "-" + index);
                insert.setLong(3, 0);
                insert.setString(4, "Advance");
                insert.setString(5, Instant.now().toString());
                insert.setString(6, AdvanceMade.class.getName());
                insert.setString(7, null);
                insert.setBytes(8, payload);
                insert.setBytes(9, metaData);
                insert.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("the ceiling's insert failed", e);
            }
        });
    }

    private void createTable() throws Exception {
        execute("DROP TABLE IF EXISTS " + TABLE);
        execute("""
                CREATE TABLE bench_event_entry (
                    global_index         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
                    aggregate_identifier VARCHAR(255) NOT NULL,
                    sequence_number      BIGINT       NOT NULL,
                    type                 VARCHAR(255),
                    time_stamp           VARCHAR(255) NOT NULL,
                    payload_type         VARCHAR(255) NOT NULL,
                    payload_revision     VARCHAR(255),
                    payload              BYTEA        NOT NULL,
                    meta_data            BYTEA,
                    CONSTRAINT bench_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number))""");
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
