package nl.wederkerig.api.platform.web.idempotency;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A request that failed because the store refused writes (a full disk, a read-only directory) must
 * still get its answer, and its key must not stay "in progress" for good: the store often refuses
 * the release too. Found on PostgreSQL with a full disk, where such requests got no answer at all.
 */
class IdempotencyRecordsTest {

    /** A store that can be made to refuse every write, as a full disk does. */
    static final class RefusingStore extends JdbcTemplate {
        boolean refusing;

        RefusingStore(JdbcDataSource dataSource) {
            super(dataSource);
        }

        @Override
        public int update(String sql, Object... arguments) throws DataAccessException {
            if (refusing) {
                throw new DataAccessResourceFailureException("No space left on device");
            }
            return super.update(sql, arguments);
        }
    }

    private RefusingStore store;
    private IdempotencyRecords records;

    @BeforeEach
    void anEmptyStore() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        store = new RefusingStore(dataSource);
        store.execute("""
                CREATE TABLE idempotency_record (username VARCHAR(64) NOT NULL, idempotency_key VARCHAR(64) NOT NULL,
                    fingerprint CHAR(64) NOT NULL, state VARCHAR(16) NOT NULL, status INTEGER, content_type VARCHAR(100),
                    body VARCHAR(65536), created_at TIMESTAMP NOT NULL, owner_instance VARCHAR(36),
                    PRIMARY KEY (username, idempotency_key))""");
        ApplicationInstances instances = mock(ApplicationInstances.class);
        when(instances.self()).thenReturn("instance-a");
        when(instances.running("instance-a")).thenReturn(true);
        records = new IdempotencyRecords(store, Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC), instances);
    }

    @Test
    void aKeyTheStoreRefusedToReleaseIsReleasedOnceItTakesWritesAgain() {
        assertThat(records.claim("mo", "key-1", "f".repeat(64))).isTrue();
        store.refusing = true;

        records.release("mo", "key-1");

        assertThat(records.waitingReleases()).isEqualTo(1);
        assertThat(records.releaseWaiting()).isZero();
        assertThat(stateOf("key-1")).isEqualTo("IN_PROGRESS");

        store.refusing = false;
        assertThat(records.releaseWaiting()).isEqualTo(1);
        assertThat(records.waitingReleases()).isZero();
        assertThat(store.queryForObject("SELECT COUNT(*) FROM idempotency_record", Integer.class)).isZero();
        assertThat(records.claim("mo", "key-1", "f".repeat(64))).as("a retry runs the request again").isTrue();
    }

    @Test
    void anAnswerTheStoreRefusedToKeepIsReportedNotThrown() {
        assertThat(records.claim("mo", "key-2", "f".repeat(64))).isTrue();
        store.refusing = true;

        assertThat(records.complete("mo", "key-2", 201, "application/json", "{}")).isFalse();

        store.refusing = false;
        assertThat(records.complete("mo", "key-2", 201, "application/json", "{}")).isTrue();
        assertThat(stateOf("key-2")).isEqualTo("DONE");
    }

    @Test
    void theWaitingReleasesAreBounded() {
        store.refusing = true;
        for (int i = 0; i < IdempotencyRecords.MAX_UNRELEASED + 5; i++) {
            records.release("mo", "key-" + i);
        }
        assertThat(records.waitingReleases()).isEqualTo(IdempotencyRecords.MAX_UNRELEASED);
    }

    private String stateOf(String key) {
        return store.queryForObject("SELECT state FROM idempotency_record WHERE idempotency_key = ?", String.class, key);
    }
}
