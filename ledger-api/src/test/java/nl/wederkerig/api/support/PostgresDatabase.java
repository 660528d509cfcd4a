package nl.wederkerig.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * A PostgreSQL database of a test's own on the server the {@code postgres} Maven profile points the
 * suite at ({@code spring.datasource.url}, user {@code postgres}, trust auth), for tests that start
 * the application as a process ({@link AppProcess}): created empty or as a copy of another, dropped
 * afterwards. The suite's shared database ({@code test}) is never touched.
 */
public final class PostgresDatabase implements AutoCloseable {

    /** The JUnit condition of tests that run only in the postgres profile. */
    public static final String PROFILE_URL_PROPERTY = "spring.datasource.url";
    public static final String PROFILE_URL_PATTERN = "jdbc:postgresql:.*";

    private static final String USER = "postgres";

    private final String server;
    private final String name;

    private PostgresDatabase(String server, String name) {
        this.server = server;
        this.name = name;
    }

    /** The server of the postgres profile, such as {@code jdbc:postgresql://127.0.0.1:5432/}. */
    public static String server() {
        String shared = System.getProperty(PROFILE_URL_PROPERTY, "");
        if (!shared.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("not in the postgres profile: " + PROFILE_URL_PROPERTY + "=" + shared);
        }
        return shared.substring(0, shared.lastIndexOf('/') + 1);
    }

    /** A fresh, empty database {@code wk_<random>} on the profile's server. */
    public static PostgresDatabase create() throws SQLException {
        return on(server(), null);
    }

    /** A copy of {@code template} (which nobody may be connected to), as {@code wk_<random>}. */
    public static PostgresDatabase copyOf(PostgresDatabase template) throws SQLException {
        return on(template.server, template.name);
    }

    /** A fresh database on another server (a throwaway cluster), e.g. {@code jdbc:postgresql://127.0.0.1:5999/}. */
    public static PostgresDatabase on(String server, String template) throws SQLException {
        String name = "wk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin(server, "CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        return new PostgresDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public String url() {
        return server + name;
    }

    /** 127.0.0.1:5432 parts of the url, for pg_dump and psql. */
    public String host() {
        return server.replaceFirst("^jdbc:postgresql://", "").replaceFirst("[:/].*$", "");
    }

    public String port() {
        String rest = server.replaceFirst("^jdbc:postgresql://[^:/]+", "");
        return rest.startsWith(":") ? rest.substring(1).replaceFirst("/.*$", "") : "5432";
    }

    public String user() {
        return USER;
    }

    /** What the application needs on its command line to keep its book in this database. */
    public List<String> arguments() {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url(),
                "--spring.datasource.username=" + USER, "--spring.datasource.password=");
    }

    /** {@link #arguments()} followed by {@code more}, as an array for {@link AppProcess#start}. */
    public String[] arguments(String... more) {
        List<String> all = new java.util.ArrayList<>(arguments());
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    /** Drops it, ending any session still on it. */
    @Override
    public void close() throws SQLException {
        admin(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String server, String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(server + "postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}
