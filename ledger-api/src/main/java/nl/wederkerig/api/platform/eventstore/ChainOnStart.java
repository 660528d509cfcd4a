package nl.wederkerig.api.platform.eventstore;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Hashes the events an older installation stored before the chain existed, once, when the
 * application starts: after Flyway added the column and before the event processors, the web
 * server or a command-line mode start (all of which begin after every singleton exists). An append
 * that meets an unhashed stream before this ran hashes that stream itself ({@link ChainedAppend}),
 * so the order never matters.
 *
 * <p>Once a backfill has finished it is noted ({@code event_chain_backfill}) and later starts skip
 * it: finding nothing to hash still meant reading every event (seconds per start at a million
 * events), while every event appended since carries its hash already. An event someone writes
 * around the application afterwards is therefore not hashed silently by the next start: the
 * verifier keeps naming it (UNHASHED).
 */
@Component
class ChainOnStart implements SmartInitializingSingleton {

    private final EventChain chain;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ChainOnStart(EventChain chain, JdbcTemplate jdbc, Clock clock) {
        this.chain = chain;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        backfillUnlessDone();
    }

    /** @return how many events it hashed; 0 without looking when an earlier start finished the backfill */
    long backfillUnlessDone() {
        if (finishedBefore()) {
            return 0;
        }
        long hashed = chain.backfill();
        jdbc.update("INSERT INTO event_chain_backfill (finished_at) VALUES (?)", Timestamp.from(clock.instant()));
        return hashed;
    }

    private boolean finishedBefore() {
        return !jdbc.queryForList("SELECT finished_at FROM event_chain_backfill FETCH FIRST 1 ROWS ONLY").isEmpty();
    }
}
