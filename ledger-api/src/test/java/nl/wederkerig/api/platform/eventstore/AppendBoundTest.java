package nl.wederkerig.api.platform.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up checks of the append bound, and which store failures count as ended at it. */
class AppendBoundTest {

    @Test
    void aGapTimeoutOfLessThanThreeBoundsRefusesToStart() {
        JdbcDataSource h2 = h2("");
        assertThatCode(() -> new AppendBound(Duration.ofSeconds(5), Duration.ofSeconds(60), h2)).doesNotThrowAnyException();
        assertThatCode(() -> new AppendBound(Duration.ofSeconds(4), Duration.ofSeconds(12), h2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new AppendBound(Duration.ofSeconds(5), Duration.ofMillis(14_999), h2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("gap-timeout");
        assertThatThrownBy(() -> new AppendBound(Duration.ZERO, Duration.ofSeconds(60), h2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("append-bound");
    }

    @Test
    void anH2LockTimeoutLongerThanTheBoundRefusesToStart() {
        assertThatThrownBy(() -> new AppendBound(Duration.ofSeconds(5), Duration.ofSeconds(60), h2(";LOCK_TIMEOUT=10000")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("LOCK_TIMEOUT");
        assertThatCode(() -> new AppendBound(Duration.ofSeconds(5), Duration.ofSeconds(60), h2(";LOCK_TIMEOUT=5000")))
                .doesNotThrowAnyException();
    }

    @Test
    void aLockStatementOrIdleTimeoutIsAnAppendEndedAtItsBoundAndNothingElseIs() {
        BatchUpdateException h2Lock = new BatchUpdateException("Timeout trying to lock table", "HYT00", 50200, new int[0]);
        SQLException pgLock = new SQLException("canceling statement due to lock timeout", "55P03");
        SQLException pgStatement = new SQLException("canceling statement due to statement timeout", "57014");
        SQLException pgIdle = new SQLException("terminating connection due to idle-in-transaction timeout", "25P03");
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 was aborted", null, new int[0]);
        batch.setNextException(pgLock);

        assertThat(AppendBound.endedAtItsBound(new EventStoreException("append failed", h2Lock))).isTrue();
        assertThat(AppendBound.endedAtItsBound(new EventStoreException("append failed", batch))).isTrue();
        assertThat(AppendBound.endedAtItsBound(new EventStoreException("append failed", pgStatement))).isTrue();
        assertThat(AppendBound.endedAtItsBound(new TransactionSystemException("JDBC rollback failed", pgIdle))).isTrue();
        assertThat(AppendBound.endedAtItsBound(new EventStoreException("disk full", new SQLException("disk full", "53100"))))
                .isFalse();
        assertThat(AppendBound.endedAtItsBound(new TransactionSystemException("commit failed",
                new SQLException("I/O error", "08006")))).as("a commit in doubt is not refused").isFalse();
    }

    private static JdbcDataSource h2(String settings) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:bound-" + UUID.randomUUID() + settings);
        return dataSource;
    }
}
