package nl.wederkerig.api.platform.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes a transaction that appended events durable before its commit returns, so an answer sent
 * after the command is never ahead of the disk.
 *
 * <p>Why: H2's file store (MVStore) writes committed changes in the background, up to
 * {@code WRITE_DELAY} (500 ms) later. A {@code kill -9} in that window lost commands the ledger had
 * already answered with 200 (issue "nothing acknowledged is ever lost": 42 to 101 per crash). Two
 * steps close it, on an embedded file database only:
 * <ol>
 *   <li>{@code SET WRITE_DELAY 0} at start: every commit writes its chunk to the file before the
 *   commit returns (survives the process dying: the data is in the operating system's cache);</li>
 *   <li>after a commit that appended events, {@code CHECKPOINT SYNC}: the file is forced to the
 *   device (survives the machine losing power). Concurrent commits share one sync (group commit):
 *   a caller waits for a sync that started after its own commit, and whoever finds none running
 *   starts one for everybody waiting.</li>
 * </ol>
 * PostgreSQL makes a commit durable by itself ({@code synchronous_commit = on}, its default), and an
 * in-memory database has no disk: for both this does nothing. What it costs is in docs/performance.md.
 */
public final class DurableCommits {

    private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

    private final DataSource dataSource;
    private final boolean embeddedFile;
    private final ReentrantLock syncing = new ReentrantLock();
    /** Commits that asked to be made durable, counted. */
    private final AtomicLong commitsRequested = new AtomicLong();
    /** Every commit counted up to here is on the device. Written only while holding {@link #syncing}. */
    private volatile long commitsSynced;
    private final AtomicLong syncsRun = new AtomicLong();
    /** The connection syncs run on; guarded by {@link #syncing}. */
    private Connection syncConnection;

    /**
     * How often the database was found closed under the sync connection (a full disk): a commit made
     * before that cannot be proven durable by a sync on the reopened database, which may not hold it.
     * Written only while holding {@link #syncing}.
     */
    private volatile long generation;

    /** One per transaction: remembers the database's generation from before its commit. */
    private final class AfterCommit implements TransactionSynchronization {
        private final long generationAtStart = generation;

        @Override
        public void afterCommit() {
            awaitDurable(generationAtStart);
        }
    }

    public DurableCommits(DataSource dataSource) {
        this.dataSource = dataSource;
        this.embeddedFile = isEmbeddedFile(dataSource);
        if (embeddedFile) {
            writeEveryCommitAtOnce();
            // Taken now, while the pool is idle: when syncs are needed, every pooled connection may be
            // held by a committer waiting for this sync (a pool-wide deadlock, found by CrashTest).
            syncing.lock();
            try {
                openSyncConnection();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open the connection that syncs the database file", e);
            } finally {
                syncing.unlock();
            }
        }
    }

    /**
     * Outside the pool where there is one: a sync runs while the committing threads hold pooled
     * connections, so a new one borrowed here (after a full disk closed the database under the old
     * one) could wait for a pool whose every connection waits for this sync. An embedded H2
     * connection of its own opens the same database, or reopens it once the disk takes writes again.
     */
    private void openSyncConnection() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            syncConnection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        } else {
            syncConnection = dataSource.getConnection();
        }
        syncConnection.setAutoCommit(true);
    }

    /** Whether commits here need this (an H2 database in a file) or are durable by the engine. */
    public boolean embeddedFile() {
        return embeddedFile;
    }

    /** How many device syncs ran; fewer than commits when they were grouped. */
    public long syncsRun() {
        return syncsRun.get();
    }

    /**
     * Called by the append, inside the appending transaction: once that transaction commits, its
     * commit does not return before the file is on the device. A failing sync fails the commit's
     * caller (the command is then not acknowledged; a retry by its command id is answered by the
     * domain's own idempotency, exactly once).
     */
    public void afterThisTransactionCommits() {
        if (!embeddedFile) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("events are appended only inside a transaction");
        }
        boolean registered = TransactionSynchronizationManager.getSynchronizations().stream()
                .anyMatch(registeredOne -> registeredOne instanceof AfterCommit);
        if (!registered) {
            TransactionSynchronizationManager.registerSynchronization(new AfterCommit());
        }
    }

    /**
     * Returns once every commit finished before this call is on the device; fails when the database
     * was closed and reopened since {@code generationAtStart}, for then the commit may be lost.
     */
    private void awaitDurable(long generationAtStart) {
        long ticket = commitsRequested.incrementAndGet();
        syncing.lock();
        try {
            if (generation != generationAtStart) {
                throw new StorageUnavailable("the database was closed after a failed write since this transaction began", null);
            }
            if (commitsSynced >= ticket) {
                return; // a sync that started after our commit has finished meanwhile
            }
            long upTo = commitsRequested.get(); // each of these committed before the sync below starts
            forceToDevice();
            assert upTo >= ticket;
            commitsSynced = upTo;
            syncsRun.incrementAndGet();
        } finally {
            syncing.unlock();
        }
    }

    /**
     * On a connection of its own, kept for this: a sync runs while the committing threads still hold
     * their connections, so borrowing one from the pool here could wait on a full pool whose every
     * connection waits for this sync.
     * Called only while holding {@link #syncing}.
     */
    private void forceToDevice() {
        try {
            if (syncConnection == null || syncConnection.isClosed()) {
                openSyncConnection(); // after a failure only
            }
            try (Statement statement = syncConnection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        } catch (SQLException e) {
            // Never once more on a fresh connection: after a full disk H2 closes the database, and a new
            // connection reopens the file as last written, perhaps without the commits waiting here.
            // They fail (a command: 503; a read model: retries from its stored token); the next sync
            // opens a new connection.
            closeQuietly();
            generation++;
            throw new StorageUnavailable("the database file could not be written to the disk", e);
        }
    }

    /** On shutdown: the sync connection is outside the pool, so nobody else closes it. */
    public void close() {
        syncing.lock();
        try {
            closeQuietly();
        } finally {
            syncing.unlock();
        }
    }

    private void closeQuietly() {
        try {
            if (syncConnection != null) {
                syncConnection.close();
            }
        } catch (SQLException ignored) {
            // it is being replaced
        }
        syncConnection = null;
    }

    private void writeEveryCommitAtOnce() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
            try (ResultSet rs = statement.executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                if (!rs.next() || !"0".equals(rs.getString(1).trim())) {
                    throw new IllegalStateException("H2 kept a write delay; acknowledged commands could be lost");
                }
            }
            log.info("Embedded database: every commit is written at once and commands that append events are synced to the disk before they are answered");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the embedded database write every commit at once", e);
        }
    }

    static boolean isEmbeddedFile(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
                    && !url.startsWith("jdbc:h2:ssl:");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }
}
