package nl.wederkerig.api.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** How many events the store holds: tests that refuse a request assert that this did not change. */
public final class StoredEvents {

    private StoredEvents() {
    }

    public static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    /**
     * The count once it stops changing: policies (a fund opened, a treasurer appointed) append
     * their events a moment after the events they follow.
     */
    public static long onceQuiet(JdbcTemplate jdbc) {
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long now = count(jdbc);
            boolean quiet = now == last[0];
            last[0] = now;
            return quiet;
        });
        return last[0];
    }
}
