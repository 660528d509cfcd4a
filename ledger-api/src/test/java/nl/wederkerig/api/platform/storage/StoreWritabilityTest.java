package nl.wederkerig.api.platform.storage;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health follows the store: DOWN on a storage failure, UP again only after writes succeed with no
 * failure for {@link StoreWritability#SETTLE}. On PostgreSQL with a full disk the heartbeat's small
 * write kept passing while every command was refused, and health said UP.
 */
class StoreWritabilityTest {

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-02T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final StoreWritability writability = new StoreWritability(clock);
    private final SQLException diskFull = new SQLException("could not extend file: No space left on device", "53100");

    @Test
    void aHeartbeatThatPassesBetweenRefusedCommandsKeepsHealthDown() {
        writability.failed(new RuntimeException("a command", diskFull));
        clock.now = clock.now.plusSeconds(2);
        writability.wrote();

        assertThat(writability.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(writability.writable()).isFalse();
    }

    @Test
    void writesWithNoFailureForTheSettlingTimeBringHealthBack() {
        writability.failed(diskFull);
        clock.now = clock.now.plus(StoreWritability.SETTLE).plus(Duration.ofMillis(1));
        writability.wrote();

        assertThat(writability.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aRefusalThatIsNoStorageFailureLeavesHealthUp() {
        writability.failed(new SQLException("duplicate key", "23505"));

        assertThat(writability.health().getStatus()).isEqualTo(Status.UP);
    }
}
