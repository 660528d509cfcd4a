package nl.wederkerig.api.platform.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads, repairs the absence of, and verifies the hash chain of the event store.
 *
 * <p>{@link #backfill} gives events stored before the chain existed their hashes, once, in stream
 * order; it never overwrites a hash that is there (that would hide a change). {@link #verify} walks
 * every stream in sequence order and every checkpoint in global order and names what does not hold.
 */
@Component
public class EventChain {

    /** Most broken events one report lists; a store broken beyond that needs a person, not a longer list. */
    public static final int MAX_REPORTED = 1_000;
    /** Rows fetched per round trip while walking the store. */
    static final int FETCH_SIZE = 500;
    /** A walk over a million events takes minutes, far beyond the default transaction timeout. */
    static final int WALK_TIMEOUT_SECONDS = 3_600;

    private static final Logger log = LoggerFactory.getLogger(EventChain.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate walk;
    private final TransactionTemplate write;
    private final Checkpoints checkpoints;
    private final Clock clock;

    EventChain(DataSource dataSource, PlatformTransactionManager transactions, Checkpoints checkpoints, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.walk = new TransactionTemplate(transactions);
        this.walk.setReadOnly(true);
        this.walk.setTimeout(WALK_TIMEOUT_SECONDS);
        this.write = new TransactionTemplate(transactions);
        this.write.setTimeout(WALK_TIMEOUT_SECONDS);
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    // --- On append (called by ChainedAppend on the appending transaction's connection) ---

    /**
     * The stored hash of one event, hashing its stream first when it predates the chain. An event
     * that is not there at all (which Axon never appends after) chains from {@link EventHash#GENESIS};
     * the verifier then reports the gap.
     */
    static String storedHashOf(Connection connection, String aggregate, long sequenceNumber) throws SQLException {
        Optional<String> stored = hashOf(connection, aggregate, sequenceNumber);
        if (stored.isPresent() && stored.get().isEmpty()) {
            chainStream(connection, aggregate);
            stored = hashOf(connection, aggregate, sequenceNumber);
        }
        return stored.orElse(EventHash.GENESIS);
    }

    /** Empty optional: no such event; empty string: the event is there but has no hash yet. */
    private static Optional<String> hashOf(Connection connection, String aggregate, long sequenceNumber) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT chain_hash FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            query.setString(1, aggregate);
            query.setLong(2, sequenceNumber);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String hash = row.getString(1);
                return Optional.of(hash == null ? "" : hash.trim());
            }
        }
    }

    /** Hashes the events of one stream that have no hash yet, each after the one before it. */
    static int chainStream(Connection connection, String aggregate) throws SQLException {
        List<StoredEvent> stream = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            query.setString(1, aggregate);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stream.add(StoredEvent.read(rows));
                }
            }
        }
        int hashed = 0;
        String previous = EventHash.GENESIS;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE domain_event_entry SET chain_hash = ? WHERE global_index = ? AND chain_hash IS NULL")) {
            for (StoredEvent event : stream) {
                String hash = event.chainHash();
                if (hash == null) {
                    hash = event.expectedHash(previous);
                    update.setString(1, hash);
                    update.setLong(2, event.globalIndex());
                    hashed += update.executeUpdate();
                }
                previous = hash;
            }
        }
        return hashed;
    }

    // --- Once, at start ---

    /** Gives every event stored before the chain existed its hash; returns how many it hashed. */
    public long backfill() {
        List<String> unchained = jdbc.queryForList(
                "SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE chain_hash IS NULL", String.class);
        if (unchained.isEmpty()) {
            return 0;
        }
        log.info("Hashing the events of {} streams stored before the chain existed", unchained.size());
        long hashed = 0;
        for (String aggregate : unchained) {
            Integer inStream = write.execute(status -> jdbc.execute((Connection connection) -> chainStream(connection, aggregate)));
            hashed += inStream == null ? 0 : inStream;
        }
        log.info("Hashed {} events stored before the chain existed", hashed);
        return hashed;
    }

    // --- The verifier ---

    /**
     * Walks the whole store. {@code noted}: head hashes people noted down (spaces and dashes
     * allowed, at least {@link Checkpoints#MIN_NOTED_HEX} hex digits of the start of a head).
     */
    public Verification verify(List<String> noted) {
        StreamWalk streams = new StreamWalk();
        walk.executeWithoutResult(status -> jdbc.query("SELECT " + StoredEvent.COLUMNS
                + " FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number", (RowCallbackHandler) streams::next));
        List<Checkpoint> stored = checkpoints.all();
        List<BrokenCheckpoint> brokenCheckpoints = verifyCheckpoints(stored);
        List<String> notedNotFound = noted.stream()
                .filter(head -> stored.stream().noneMatch(checkpoint -> Checkpoints.matches(head, checkpoint)))
                .toList();
        return new Verification(clock.instant(), streams.events, streams.streams, stored.size(),
                stored.isEmpty() ? Optional.empty() : Optional.of(stored.get(stored.size() - 1)),
                List.copyOf(streams.broken), brokenCheckpoints, notedNotFound, streams.truncated);
    }

    /** One pass over all events in global order, finishing each checkpoint's digest where its range ends. */
    private List<BrokenCheckpoint> verifyCheckpoints(List<Checkpoint> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<Long, String> recomputed = new HashMap<>();
        long lastCovered = stored.get(stored.size() - 1).coveredUpToIndex();
        walk.executeWithoutResult(status -> {
            RangeWalk range = new RangeWalk(stored, recomputed);
            jdbc.query("SELECT global_index, chain_hash FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index",
                    (RowCallbackHandler) row -> range.next(row.getLong(1), row.getString(2)), lastCovered);
            range.finishRemaining();
        });
        List<BrokenCheckpoint> broken = new ArrayList<>();
        String previousHead = Checkpoints.FIRST_PREVIOUS;
        for (Checkpoint checkpoint : stored) {
            if (!checkpoint.previousHeadHash().equals(previousHead)) {
                broken.add(new BrokenCheckpoint(checkpoint.number(), checkpoint.madeAt(), BrokenCheckpoint.Problem.CHAIN_BROKEN));
            } else if (!checkpoint.headHash().equals(recomputed.get(checkpoint.number()))) {
                broken.add(new BrokenCheckpoint(checkpoint.number(), checkpoint.madeAt(), BrokenCheckpoint.Problem.EVENTS_DIFFER));
            }
            previousHead = checkpoint.headHash();
        }
        return broken;
    }

    /** Follows each stream from its first event: sequence numbers without holes, each hash over its row and the one before. */
    private static final class StreamWalk {
        long events;
        long streams;
        boolean truncated;
        final List<BrokenEvent> broken = new ArrayList<>();
        private String aggregate;
        private long expectedSequence;
        private String previousHash;

        void next(ResultSet row) throws SQLException {
            StoredEvent event = StoredEvent.read(row);
            events++;
            if (!event.aggregateIdentifier().equals(aggregate)) {
                aggregate = event.aggregateIdentifier();
                streams++;
                expectedSequence = 0;
                previousHash = EventHash.GENESIS;
            }
            if (event.chainHash() == null) {
                report(event, BrokenEvent.Problem.UNHASHED);
            } else if (event.sequenceNumber() != expectedSequence) {
                report(event, BrokenEvent.Problem.MISSING_BEFORE);
            } else if (!event.chainHash().toLowerCase(Locale.ROOT).equals(event.expectedHash(previousHash))) {
                report(event, BrokenEvent.Problem.CHANGED);
            }
            expectedSequence = event.sequenceNumber() + 1;
            previousHash = event.chainHash() == null ? "" : event.chainHash();
        }

        private void report(StoredEvent event, BrokenEvent.Problem problem) {
            if (broken.size() >= MAX_REPORTED) {
                truncated = true;
                return;
            }
            broken.add(new BrokenEvent(event.globalIndex(), event.aggregateIdentifier(), event.sequenceNumber(),
                    event.payloadType(), problem));
        }
    }

    /** Recomputes each checkpoint's head from the events in its range, as {@link Checkpoints#make} made it. */
    private static final class RangeWalk {
        private final List<Checkpoint> checkpoints;
        private final Map<Long, String> recomputed;
        private final MessageDigest digest = EventHash.sha256();
        private int next;
        private long count;

        RangeWalk(List<Checkpoint> checkpoints, Map<Long, String> recomputed) {
            this.checkpoints = checkpoints;
            this.recomputed = recomputed;
        }

        void next(long globalIndex, String chainHash) {
            while (next < checkpoints.size() && globalIndex > checkpoints.get(next).coveredUpToIndex()) {
                finish();
            }
            EventHash.addToRange(digest, globalIndex, chainHash == null ? "" : chainHash.trim());
            count++;
        }

        void finishRemaining() {
            while (next < checkpoints.size()) {
                finish();
            }
        }

        private void finish() {
            Checkpoint checkpoint = checkpoints.get(next);
            recomputed.put(checkpoint.number(), EventHash.checkpoint(checkpoint.number(), checkpoint.coveredUpToIndex(),
                    count, checkpoint.previousHeadHash(), digest.digest()));
            next++;
        }
    }
}
