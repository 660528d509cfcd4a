package nl.wederkerig.api.platform.readmodels;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A private copy of every read-model table in the live database, in a schema of its own, that a
 * rebuild fills while the live tables go on serving. Made by the same migrations as the live tables
 * (keys, constraints and indexes included), so the projections' plain table names find it once the
 * connection's current schema is set to it. In the live database rather than in memory: a book of a
 * million events gives read models far larger than the heap, and the swap is then one transaction
 * on one database. A schema left by a rebuild that died is dropped and made anew.
 */
final class ShadowSchema implements AutoCloseable {

    /** Unquoted in SQL, so each engine folds it to its own case; given to JDBC and Flyway in that case. */
    static final String NAME = "read_model_rebuild";

    private final Connection connection;
    /** The pooled connection's own schema, given back before the pool has it again. */
    private final String liveSchema;
    private final String name;
    private final JdbcTemplate jdbc;

    private ShadowSchema(Connection connection, String liveSchema, String name) {
        this.connection = connection;
        this.liveSchema = liveSchema;
        this.name = name;
        this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    /** Drops what an earlier rebuild left, creates the schema with every read-model table, and opens a connection on it. */
    static ShadowSchema create(DataSource live) {
        String name = foldedName(live);
        drop(live, name);
        Flyway.configure().dataSource(live).schemas(name).defaultSchema(name).createSchemas(true)
                .locations("classpath:db/projections").load().migrate();
        try {
            Connection connection = live.getConnection();
            String liveSchema = connection.getSchema();
            connection.setSchema(name);
            connection.setAutoCommit(false);
            return new ShadowSchema(connection, liveSchema, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a connection on the rebuild's schema " + name, e);
        }
    }

    /** Writes into the shadow tables (the projections' table names resolve to them). */
    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Makes what was replayed so far permanent (once per replay batch), so the shadow's transaction stays small. */
    void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot commit the rebuild's schema", e);
        }
    }

    /** {@code table} in the shadow schema, for SQL run on a connection of the live schema. */
    static String qualified(String table) {
        return NAME + "." + table;
    }

    /** Gives the connection back and drops the schema: after a swap its rows are in the live tables, after a failure they are not wanted. */
    @Override
    public void close() {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            connection.setSchema(liveSchema);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + NAME + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the rebuild's schema " + name + "; the next rebuild drops it", e);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool discards a connection it cannot reset
            }
        }
    }

    private static void drop(DataSource live, String name) {
        try (Connection connection = live.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + NAME + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the rebuild's schema " + name + " an earlier rebuild left", e);
        }
    }

    /** H2 folds unquoted names to upper case, PostgreSQL to lower case; JDBC and Flyway take the name as it is stored. */
    private static String foldedName(DataSource live) {
        try (Connection connection = live.getConnection()) {
            return connection.getMetaData().storesUpperCaseIdentifiers() ? NAME.toUpperCase(java.util.Locale.ROOT) : NAME;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }
}
