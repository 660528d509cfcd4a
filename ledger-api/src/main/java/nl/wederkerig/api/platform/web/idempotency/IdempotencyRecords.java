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

    record Stored(String fingerprint, State state, int status, String contentType, String body) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return true if this call claimed the key; false if the user used it before */
    boolean claim(String username, String key, String fingerprint) {
        try {
            jdbc.update("""
                    INSERT INTO idempotency_record (username, idempotency_key, fingerprint, state, created_at)
                    VALUES (?, ?, ?, 'IN_PROGRESS', ?)""", username, key, fingerprint, Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
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
                SELECT fingerprint, state, status, content_type, body FROM idempotency_record
                 WHERE username = ? AND idempotency_key = ?""",
                (rs, i) -> new Stored(rs.getString("fingerprint").trim(), State.valueOf(rs.getString("state")),
                        rs.getInt("status"), rs.getString("content_type"), rs.getString("body")),
                username, key).stream().findFirst();
    }

    /** Forgets keys older than {@link #RETENTION}, every ten minutes. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    public int forgetExpired() {
        Instant cutoff = clock.instant().minus(RETENTION);
        return jdbc.update("DELETE FROM idempotency_record WHERE created_at < ?", Timestamp.from(cutoff));
    }
}
