package nl.wederkerig.api.platform.storage;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * Tells the connection pool to drop a connection whose database is gone, so the next one opens it
 * afresh. Why: when H2 fails to write its file (a full disk) it closes the database; every pooled
 * connection then answers "The database has been closed" for ever, because Hikari keeps connections
 * whose errors it does not know as fatal. A new embedded connection reopens the file once the disk
 * takes writes again: the application recovers without a restart (issue 17). PostgreSQL's fatal
 * states (08xxx, 57P01, …) Hikari already knows: left to its own judgement.
 * Configured as {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class BrokenConnections implements SQLExceptionOverride {

    private static final String READ_ONLY_TRANSACTION = "25006";

    /**
     * PostgreSQL's states of a statement that failed for want of storage on a session that stays
     * well: insufficient resources (disk full, out of memory), an I/O error. Such a connection is
     * kept: on a full disk PostgreSQL cannot even start the backend of a new one ("could not write
     * init file"), so evicting them left the pool empty and every request waiting for a connection
     * until space returned (PostgresFullDiskTest).
     */
    private static boolean statementFailedOnAWellSession(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("53") || state.equals("58030"));
    }

    /**
     * A write refused in a read-only transaction (25006) is evicted, unlike the states above: the
     * session took the database's {@code default_transaction_read_only} (or a standby's read-only
     * state) when it started and keeps it after the database is writable again, so a kept one would
     * refuse every write for ever (PostgresReadOnlyDatabaseTest). A read-only database still accepts
     * new connections, so evicting costs one connect.
     */
    private static boolean readOnlySession(SQLException failure) {
        return READ_ONLY_TRANSACTION.equals(failure.getSQLState());
    }

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException failure) {
        if (readOnlySession(failure)) {
            return SQLExceptionOverride.Override.MUST_EVICT;
        }
        if (statementFailedOnAWellSession(failure)) {
            return SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
        return StorageFailures.isStorageFailure(failure) ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
