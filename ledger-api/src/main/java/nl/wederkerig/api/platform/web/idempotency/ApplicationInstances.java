package nl.wederkerig.api.platform.web.idempotency;

import nl.wederkerig.api.platform.eventstore.DurableCommits;
import nl.wederkerig.api.platform.storage.StorageFailures;
import nl.wederkerig.api.platform.storage.StoreWritability;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * This process among the application instances that serve one database, each seen every
 * {@link #HEARTBEAT_MILLIS}. An instance not seen for {@link #STALE_SECONDS} has stopped; the
 * requests it had claimed under an Idempotency-Key can be run by the next retry. Times are the
 * database's own ({@code LOCALTIMESTAMP}), so instances on machines with different clocks agree.
 */
@Component
public class ApplicationInstances {

    static final long HEARTBEAT_MILLIS = 2_000;
    /** Far above the heartbeat, so a busy scheduler or a pause for garbage collection is not taken for a crash. */
    static final int STALE_SECONDS = 30;

    private final JdbcTemplate jdbc;
    private final StoreWritability writability;
    private final String self = UUID.randomUUID().toString();

    public ApplicationInstances(JdbcTemplate jdbc, DurableCommits storage, StoreWritability writability) {
        this.jdbc = jdbc;
        this.writability = writability;
        if (storage.embeddedFile()) {
            // An embedded database file is open in one process only (H2 locks it): every other
            // instance on record has stopped, and its claims may be taken over at once.
            jdbc.update("DELETE FROM application_instance");
        }
        jdbc.update("DELETE FROM application_instance WHERE seen_at < LOCALTIMESTAMP - INTERVAL '1' DAY");
        jdbc.update("INSERT INTO application_instance (instance_id, started_at, seen_at) VALUES (?, LOCALTIMESTAMP, LOCALTIMESTAMP)",
                self);
    }

    /** This process's id. */
    public String self() {
        return self;
    }

    /**
     * Also the store's pulse: a small write every 2 s tells the {@code storage} health whether the
     * store takes writes (a full disk, a read-only directory), and after such a failure it is the
     * write that finds the store back.
     */
    @Scheduled(fixedDelay = HEARTBEAT_MILLIS)
    public void seen() {
        try {
            beat();
            writability.wrote();
        } catch (RuntimeException failure) {
            writability.failed(failure);
            if (!StorageFailures.isStorageFailure(failure)) {
                throw failure;
            }
            // Said once by StoreWritability when the store stops taking writes, not every 2 s.
        }
    }

    private void beat() {
        int updated = jdbc.update("UPDATE application_instance SET seen_at = LOCALTIMESTAMP WHERE instance_id = ?", self);
        if (updated == 0) {
            jdbc.update("INSERT INTO application_instance (instance_id, started_at, seen_at) VALUES (?, LOCALTIMESTAMP, LOCALTIMESTAMP)",
                    self);
        }
    }

    /** Whether the instance is running: seen lately. An unknown or missing instance is not. */
    public boolean running(String instance) {
        if (instance == null) {
            return false;
        }
        Integer seen = jdbc.queryForObject("""
                SELECT COUNT(*) FROM application_instance
                 WHERE instance_id = ? AND seen_at > LOCALTIMESTAMP - INTERVAL '""" + STALE_SECONDS + "' SECOND",
                Integer.class, instance);
        return seen != null && seen > 0;
    }
}
