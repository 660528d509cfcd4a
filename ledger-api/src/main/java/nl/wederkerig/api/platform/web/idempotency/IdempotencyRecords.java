package nl.wederkerig.api.platform.web.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * Most claims kept waiting for release while the store refuses writes. Beyond it a claim stays in
     * progress until this instance stops, when {@link #takeOverAbandoned} frees it for a retry.
     */
    static final int MAX_UNRELEASED = 10_000;

    private record UsersKey(String username, String key) {
    }

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRecords.class);

    private final Set<UsersKey> unreleased = ConcurrentHashMap.newKeySet();
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

    /**
     * Keeps the answer for repeats of the key.
     *
     * @return false if the store refused the write (full disk, read-only): the answer still goes
     * out, the key is released (now or later) and a repeat runs the request again, which the
     * domain's idempotency by command id keeps to one effect
     */
    boolean complete(String username, String key, int status, String contentType, String body) {
        try {
            jdbc.update("""
                    UPDATE idempotency_record SET state = 'DONE', status = ?, content_type = ?, body = ?
                     WHERE username = ? AND idempotency_key = ?""", status, contentType, body, username, key);
            return true;
        } catch (DataAccessException storeRefused) {
            log.warn("could not keep the answer to key {} of {}: {}", key, username, storeRefused.getMessage());
            return false;
        }
    }

    /** Forgets a claim whose request failed inside the server, so a retry can run it again. */
    void release(String username, String key) {
        try {
            delete(new UsersKey(username, key));
        } catch (DataAccessException storeRefused) {
            // The store that just failed the request often refuses this too. Never let that keep the
            // answer from the client (the connection would close without one) nor hold the key in
            // progress for good: remember it and release it as soon as the store takes writes again.
            if (unreleased.size() < MAX_UNRELEASED) {
                unreleased.add(new UsersKey(username, key));
            }
            log.warn("could not release key {} of {} yet ({} waiting): {}", key, username, unreleased.size(),
                    storeRefused.getMessage());
        }
    }

    /** Releases the claims the store refused to release when their requests failed, every two seconds. */
    @Scheduled(fixedDelay = 2_000, initialDelay = 2_000)
    public int releaseWaiting() {
        int released = 0;
        for (UsersKey waiting : unreleased) {
            try {
                delete(waiting);
            } catch (DataAccessException stillRefused) {
                return released;
            }
            unreleased.remove(waiting);
            released++;
        }
        return released;
    }

    /** Claims waiting for the store to take writes again (see {@link #release}). */
    int waitingReleases() {
        return unreleased.size();
    }

    private void delete(UsersKey claim) {
        jdbc.update("DELETE FROM idempotency_record WHERE username = ? AND idempotency_key = ? AND state = 'IN_PROGRESS'",
                claim.username(), claim.key());
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
