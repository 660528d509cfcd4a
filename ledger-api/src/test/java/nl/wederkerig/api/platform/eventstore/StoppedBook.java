package nl.wederkerig.api.platform.eventstore;

import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The verifier behind {@code --wederkerig.verify} ({@link EventChain#verify}), run from a test on the
 * H2 file of an application that is not running: the same walk, without starting the application
 * once more for it.
 */
public final class StoppedBook {

    private StoppedBook() {
    }

    public static Verification verify(Path dataDirectory) {
        JdbcDataSource file = new JdbcDataSource();
        file.setURL("jdbc:h2:file:" + dataDirectory.resolve("wederkerig").toAbsolutePath());
        file.setUser("sa");
        file.setPassword("");
        return verify(file);
    }

    /** The same walk on any stopped book, such as a PostgreSQL database restored from a dump. */
    public static Verification verify(javax.sql.DataSource file) {
        PlatformTransactionManager transactions = new DataSourceTransactionManager(file);
        Clock clock = Clock.systemUTC();
        return new EventChain(file, transactions, new Checkpoints(file, transactions, clock), clock).verify(List.of());
    }
}
