package nl.wederkerig.api.platform.storage;

import com.zaxxer.hikari.SQLExceptionOverride;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forms a full disk took in {@code FullDiskTest}'s log, each to be answered 503 and to evict the
 * pooled connection; and failures of the request itself, which are neither.
 */
class StorageFailuresTest {

    private static final String MV_STORE_FAILURE =
            "General error: \"org.h2.mvstore.MVStoreException: Writing to sun.nio.ch.FileChannelImpl@1 failed; length 16384 at 4096000 [2.3.232/2]\" [50000-232]";

    @Test
    void aDatabaseClosedAfterAFailedWriteIsAStorageFailure() {
        SQLException closed = new SQLException("The database has been closed [90098-232]", "90098", 90098, new IOException("No space left on device"));
        assertThat(StorageFailures.isStorageFailure(new RuntimeException("wrapped", closed))).isTrue();
        assertThat(new BrokenConnections().adjudicate(closed)).isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
    }

    @Test
    void aFileStoreFailureInsideABatchOfEventsIsAStorageFailure() {
        BatchUpdateException batch = new BatchUpdateException("General error", "HY000", 50000, new int[0]);
        batch.setNextException(new SQLException(MV_STORE_FAILURE, "HY000", 50000));
        assertThat(StorageFailures.isStorageFailure(new EventStoreException("An event could not be stored", batch))).isTrue();
    }

    @Test
    void aUniqueKeyViolationOrABadValueIsNot() {
        SQLException duplicate = new SQLException("Unique index or primary key violation", "23505", 23505);
        assertThat(StorageFailures.isStorageFailure(new DataIntegrityViolationException("duplicate", duplicate))).isFalse();
        assertThat(StorageFailures.isStorageFailure(new IllegalArgumentException("not an amount"))).isFalse();
        assertThat(new BrokenConnections().adjudicate(duplicate)).isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
    }

    @Test
    void aFullDiskOnPostgresIsAStorageFailureButItsConnectionIsKept() {
        SQLException full = new SQLException("ERROR: could not extend file \"base/16384/16430_fsm\": No space left on device", "53100");
        assertThat(StorageFailures.isStorageFailure(new RuntimeException("wrapped", full))).isTrue();
        assertThat(new BrokenConnections().adjudicate(full)).isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
    }

    @Test
    void aReadOnlySessionOnPostgresIsAStorageFailureAndItsConnectionIsDropped() {
        // The session keeps the read-only default it started with after the database is writable again.
        SQLException readOnly = new SQLException("ERROR: cannot execute INSERT in a read-only transaction", "25006");
        assertThat(StorageFailures.isStorageFailure(new RuntimeException("wrapped", readOnly))).isTrue();
        assertThat(new BrokenConnections().adjudicate(readOnly)).isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
    }
}
