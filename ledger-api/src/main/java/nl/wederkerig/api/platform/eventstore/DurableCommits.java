package nl.wederkerig.api.platform.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
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
 *   <li>after a commit that appended events (and after every Axon transaction: {@link DurableTransactions}),
 *   {@code CHECKPOINT SYNC} on the committer's own connection: the file is forced to the device
 *   (survives the machine losing power). Concurrent commits share one sync (group commit): a caller
 *   waits for a sync that started after its own commit, and whoever finds none running starts one
 *   for everybody waiting.</li>
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

    /** One per transaction, run once it has committed, while its connection is still its own. */
    private final class AfterCommit implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            awaitDurable();
        }
    }

    public DurableCommits(DataSource dataSource) {
        this.dataSource = dataSource;
        this.embeddedFile = isEmbeddedFile(dataSource);
        if (embeddedFile) {
            writeEveryCommitAtOnce();
        }
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
     * Called inside a transaction (the append, every Axon transaction): once that transaction
     * commits, its commit does not return before the file is on the device. A failing sync fails the
     * commit's caller (a command is then not acknowledged, and a retry by its command id is answered
     * by the domain's own idempotency, exactly once; a read model retries from its stored token).
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

    /** Returns once every commit finished before this call is on the device. */
    private void awaitDurable() {
        long ticket = commitsRequested.incrementAndGet();
        syncing.lock();
        try {
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
     * On the committing transaction's own connection, still held until its commit returns: one sync
     * forces the whole file, whoever runs it. Why not a connection of its own, as before: borrowing one
     * could wait for a pool whose every connection waits for this sync (found by CrashTest), and a
     * kept one proves nothing after a full disk made H2 close and reopen its file (the reopened file
     * may lack the commit; a separate connection would sync it and answer "durable"). The committer's
     * own connection is on the database its commit went to: if that was closed since, the sync fails,
     * as it must, and the pool drops the connection (BrokenConnections).
     * Called only while holding {@link #syncing}.
     */
    private void forceToDevice() {
        ConnectionHolder own = (ConnectionHolder) TransactionSynchronizationManager.getResource(dataSource);
        if (own == null) {
            throw new IllegalStateException("a durable commit is synced on its own connection, and this transaction has none");
        }
        try (Statement statement = own.getConnection().createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new StorageUnavailable("the database file could not be written to the disk", e);
        }
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
