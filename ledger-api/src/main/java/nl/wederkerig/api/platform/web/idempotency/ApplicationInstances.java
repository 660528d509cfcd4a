package nl.wederkerig.api.platform.web.idempotency;

import nl.wederkerig.api.platform.eventstore.DurableCommits;
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
    private final String self = UUID.randomUUID().toString();

    public ApplicationInstances(JdbcTemplate jdbc, DurableCommits storage) {
        this.jdbc = jdbc;
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

    @Scheduled(fixedDelay = HEARTBEAT_MILLIS)
    public void seen() {
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
