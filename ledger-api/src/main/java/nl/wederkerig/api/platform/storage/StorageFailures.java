package nl.wederkerig.api.platform.storage;

import nl.wederkerig.api.platform.eventstore.StorageUnavailable;
import org.h2.api.ErrorCode;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure of the storage itself (nothing can be written just now) from a failure of the
 * request. Why one place: the same full disk surfaces as an H2 "General error" wrapping an
 * {@code MVStoreException} in a filter, as "The database has been closed" in the next request, as
 * Spring's {@code DataAccessResourceFailureException} in a controller, or wrapped by Axon; each must
 * be answered 503 {@code storage-unavailable}, never 500 (issue 17).
 */
public final class StorageFailures {

    /** H2's codes for a database that cannot be used or written: closed after a write failed, read-only, out of space, I/O. */
    private static final Set<Integer> H2_STORAGE_CODES = Set.of(ErrorCode.DATABASE_IS_CLOSED, ErrorCode.DATABASE_CALLED_AT_SHUTDOWN,
            ErrorCode.DATABASE_IS_READ_ONLY, ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2,
            ErrorCode.FILE_CORRUPTED_1, ErrorCode.DATABASE_IS_IN_EXCLUSIVE_MODE);
    /** PostgreSQL's SQL states: disk full, out of memory or files, read-only transaction, the server shutting down. */
    private static final Set<String> POSTGRES_STORAGE_STATES = Set.of("53100", "53200", "53000", "25006", "57P01", "57P02", "57P03",
            "58030");
    /** What Hikari's stand-in for a connection it evicted answers (no SQL state). */
    private static final String HIKARI_CLOSED = "Connection is closed";
    /** How deep a cause chain is followed; real ones are a handful deep. */
    private static final int MAX_DEPTH = 32;

    private StorageFailures() {
    }

    public static boolean isStorageFailure(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (isStorageFailureItself(cause)) {
                return true;
            }
            // A batch (Axon appends events in one) keeps the failure of each statement as the "next" exception, not as the cause.
            if (cause instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != sql
                    && isStorageFailure(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * H2 reports its file store failing (a write that found no space, a read-only file) as a
     * "General error" whose only trace of the cause is the text, batched statements included.
     */
    private static boolean isH2FileStoreFailure(SQLException sql) {
        return sql.getErrorCode() == ErrorCode.GENERAL_ERROR_1 && sql.getMessage() != null
                && sql.getMessage().contains("MVStoreException");
    }

    private static boolean isStorageFailureItself(Throwable cause) {
        if (cause instanceof StorageUnavailable || cause instanceof DataAccessResourceFailureException
                || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state == null && HIKARI_CLOSED.equals(sql.getMessage())) {
                return true; // the pool dropped this connection mid-request, after the database failed under it
            }
            return H2_STORAGE_CODES.contains(sql.getErrorCode()) || (state != null && (state.startsWith("08")
                    || POSTGRES_STORAGE_STATES.contains(state))) || isH2FileStoreFailure(sql);
        }
        // H2's file store failing to write (out of space, read-only file): reaches us as the cause of a "General error".
        return cause.getClass().getName().equals("org.h2.mvstore.MVStoreException")
                || (cause instanceof IOException io && io.getMessage() != null && io.getMessage().contains("No space left"));
    }
}
