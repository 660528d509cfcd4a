package nl.wederkerig.api.platform.web.idempotency;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The stored answers to requests with an Idempotency-Key, per user. */
@Component
public class IdempotencyRecords {

    /** How long a key and its answer are kept: a client retries within a day or not at all. */
    public static final Duration RETENTION = Duration.ofHours(24);

    /** Largest response body stored for replay, in characters (answers here are small JSON). */
    public static final int MAX_BODY_CHARS = 65_536;

    enum State { IN_PROGRESS, DONE }

    record Stored(String fingerprint, State state, int status, String contentType, String body, String owner) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationInstances instances;

    public IdempotencyRecords(JdbcTemplate jdbc, Clock clock, ApplicationInstances instances) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.instances = instances;
    }

    /** @return true if this call claimed the key; false if the user used it before */
    boolean claim(String username, String key, String fingerprint) {
        try {
            jdbc.update("""
                    INSERT INTO idempotency_record (username, idempotency_key, fingerprint, state, created_at, owner_instance)
                    VALUES (?, ?, ?, 'IN_PROGRESS', ?, ?)""", username, key, fingerprint, Timestamp.from(clock.instant()),
                    instances.self());
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * Takes over a claim whose instance has stopped before it answered (a crash between claiming the
     * key and storing the answer). The request then runs again; the domain's own idempotency by
     * command id keeps its effect exactly once. Only one retry wins the takeover.
     *
     * @return true if this call now owns the claim
     */
    boolean takeOverAbandoned(String username, String key, Stored claimed) {
        if (claimed.state() != State.IN_PROGRESS || instances.running(claimed.owner())) {
            return false;
        }
        int taken = claimed.owner() == null
                ? jdbc.update("""
                        UPDATE idempotency_record SET owner_instance = ?
                         WHERE username = ? AND idempotency_key = ? AND state = 'IN_PROGRESS' AND owner_instance IS NULL""",
                        instances.self(), username, key)
                : jdbc.update("""
                        UPDATE idempotency_record SET owner_instance = ?
                         WHERE username = ? AND idempotency_key = ? AND state = 'IN_PROGRESS' AND owner_instance = ?""",
                        instances.self(), username, key, claimed.owner());
        return taken == 1;
    }

    void complete(String username, String key, int status, String contentType, String body) {
        jdbc.update("""
                UPDATE idempotency_record SET state = 'DONE', status = ?, content_type = ?, body = ?
                 WHERE username = ? AND idempotency_key = ?""", status, contentType, body, username, key);
    }

    /** Forgets a claim whose request failed inside the server, so a retry can run it again. */
    void release(String username, String key) {
        jdbc.update("DELETE FROM idempotency_record WHERE username = ? AND idempotency_key = ? AND state = 'IN_PROGRESS'",
                username, key);
    }

    Optional<Stored> find(String username, String key) {
        return jdbc.query("""
                SELECT fingerprint, state, status, content_type, body, owner_instance FROM idempotency_record
                 WHERE username = ? AND idempotency_key = ?""",
                (rs, i) -> new Stored(rs.getString("fingerprint").trim(), State.valueOf(rs.getString("state")),
                        rs.getInt("status"), rs.getString("content_type"), rs.getString("body"), rs.getString("owner_instance")),
                username, key).stream().findFirst();
    }

    /** Forgets keys older than {@link #RETENTION}, every ten minutes. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    public int forgetExpired() {
        Instant cutoff = clock.instant().minus(RETENTION);
        return jdbc.update("DELETE FROM idempotency_record WHERE created_at < ?", Timestamp.from(cutoff));
    }
}
