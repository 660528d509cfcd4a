package nl.wederkerig.api.platform.eventstore;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checkpoints of the book, transparency-log style: checkpoint n's head is the SHA-256 over its
 * number, the highest global index it covers, the number of events up to there, the head of
 * checkpoint n − 1, and a digest of the chain hashes of the events added since (in global order).
 * Every event's chain hash already covers its whole stream before it, so a head covers every stream
 * as it stood; and since each head covers the one before, the latest head noted down vouches for
 * the whole book up to it.
 */
@Component
public class Checkpoints {

    /** The "previous head" of the first checkpoint. */
    static final String FIRST_PREVIOUS = "0".repeat(EventHash.HEX_CHARS);
    /** The shortest noted head the verifier accepts: 16 hex digits (64 bits) is beyond any forging by hand or machine here. */
    public static final int MIN_NOTED_HEX = 16;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate walk;
    private final Clock clock;

    Checkpoints(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(EventChain.FETCH_SIZE);
        this.walk = new TransactionTemplate(transactions);
        this.walk.setTimeout(EventChain.WALK_TIMEOUT_SECONDS);
        this.clock = clock;
    }

    public List<Checkpoint> all() {
        return jdbc.query("SELECT * FROM ledger_checkpoint ORDER BY checkpoint_number", Checkpoints::checkpoint);
    }

    public Optional<Checkpoint> latest() {
        return jdbc.query("SELECT * FROM ledger_checkpoint ORDER BY checkpoint_number DESC LIMIT 1", Checkpoints::checkpoint)
                .stream().findFirst();
    }

    /** The highest global index stored now. */
    public long highestIndex() {
        Long highest = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return highest == null ? 0 : highest;
    }

    /**
     * Makes the next checkpoint, covering every event up to {@code coveredUpToIndex}. The caller
     * picks an index old enough that no transaction still in flight can add an event below it
     * ({@link CheckpointSchedule}); an event committed below it later would make the checkpoint
     * fail to verify. Nothing new since the latest checkpoint, or another instance making the same
     * one at the same moment: nothing is made.
     */
    public Optional<Checkpoint> make(long coveredUpToIndex) {
        return walk.execute(status -> {
            Optional<Checkpoint> previous = latest();
            long from = previous.map(Checkpoint::coveredUpToIndex).orElse(0L);
            if (coveredUpToIndex <= from) {
                return Optional.<Checkpoint>empty();
            }
            MessageDigest range = EventHash.sha256();
            long[] added = {0};
            jdbc.query("SELECT global_index, chain_hash FROM domain_event_entry WHERE global_index > ? AND global_index <= ? "
                    + "ORDER BY global_index", (RowCallbackHandler) row -> {
                String hash = row.getString(2);
                EventHash.addToRange(range, row.getLong(1), hash == null ? "" : hash.trim());
                added[0]++;
            }, from, coveredUpToIndex);
            if (added[0] == 0) {
                return Optional.<Checkpoint>empty();
            }
            long number = previous.map(Checkpoint::number).orElse(0L) + 1;
            long eventCount = previous.map(Checkpoint::eventCount).orElse(0L) + added[0];
            String previousHead = previous.map(Checkpoint::headHash).orElse(FIRST_PREVIOUS);
            String head = EventHash.checkpoint(number, coveredUpToIndex, eventCount, previousHead, range.digest());
            Checkpoint made = new Checkpoint(number, coveredUpToIndex, eventCount, previousHead, head, clock.instant());
            try {
                jdbc.update("INSERT INTO ledger_checkpoint (checkpoint_number, covered_up_to_index, event_count, "
                                + "previous_head_hash, head_hash, made_at) VALUES (?, ?, ?, ?, ?, ?)",
                        made.number(), made.coveredUpToIndex(), made.eventCount(), made.previousHeadHash(),
                        made.headHash(), Timestamp.from(made.madeAt()));
            } catch (DuplicateKeyException madeByAnotherInstance) {
                return Optional.<Checkpoint>empty();
            }
            return Optional.of(made);
        });
    }

    /** Whether a head someone noted (any case, spaces or dashes between groups) is this checkpoint's. */
    static boolean matches(String noted, Checkpoint checkpoint) {
        String hex = normalized(noted);
        return hex.length() >= MIN_NOTED_HEX && checkpoint.headHash().startsWith(hex);
    }

    /** A noted head as hex digits only, or null when it is not one. */
    public static String normalized(String noted) {
        String hex = noted.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        return hex.matches("[0-9a-f]{" + MIN_NOTED_HEX + "," + EventHash.HEX_CHARS + "}") ? hex : "";
    }

    private static Checkpoint checkpoint(ResultSet row, int rowNumber) throws SQLException {
        return new Checkpoint(row.getLong("checkpoint_number"), row.getLong("covered_up_to_index"),
                row.getLong("event_count"), row.getString("previous_head_hash").trim(), row.getString("head_hash").trim(),
                row.getTimestamp("made_at").toInstant());
    }
}
