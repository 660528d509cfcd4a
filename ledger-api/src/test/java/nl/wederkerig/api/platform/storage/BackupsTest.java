package nl.wederkerig.api.platform.storage;

import nl.wederkerig.api.platform.eventstore.DurableCommits;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backup file itself, without the application: a zip named by its time holding the database
 * file, no {@code .part} left behind, the oldest removed beyond the number kept, and no backup
 * offered where the book is not an embedded file (PostgreSQL: {@code pg_dump}).
 */
class BackupsTest {

    @Test
    void keepsTheNewestBackupsAsWholeZipsOfTheDatabaseFile(@TempDir Path home) throws Exception {
        JdbcDataSource file = dataSource("jdbc:h2:file:" + home.resolve("wederkerig").toAbsolutePath());
        try (Connection connection = file.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE book (line INT PRIMARY KEY)");
            statement.execute("INSERT INTO book VALUES (1)");
            Path directory = home.resolve("backups");
            SteppingClock clock = new SteppingClock(Instant.parse("2026-12-02T03:15:00Z"));
            DurableCommits durableCommits = new DurableCommits(file);
            Backups backups = new Backups(file, durableCommits, clock, directory, 2);

            List<Backups.Backup> taken = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                taken.add(backups.take());
            }

            assertThat(taken.get(0).fileName()).isEqualTo("wederkerig-20261202-031500-000.zip");
            try (Stream<Path> files = Files.list(directory)) {
                assertThat(files.map(path -> path.getFileName().toString()).sorted().toList())
                        .as("the two newest, nothing half written")
                        .containsExactly(taken.get(1).fileName(), taken.get(2).fileName());
            }
            try (ZipFile zip = new ZipFile(directory.resolve(taken.get(2).fileName()).toFile())) {
                assertThat(zip.getEntry("wederkerig.mv.db")).isNotNull();
            }
            assertThat(taken.get(2).bytes()).isEqualTo(Files.size(directory.resolve(taken.get(2).fileName())));
        }
    }

    @Test
    void offersNoBackupWhereTheBookIsNoEmbeddedFile(@TempDir Path home) {
        JdbcDataSource memory = dataSource("jdbc:h2:mem:backups-test");
        Backups backups = new Backups(memory, new DurableCommits(memory), Clock.systemUTC(), home.resolve("backups"), 7);
        assertThatThrownBy(backups::take).isInstanceOfSatisfying(Backups.BackupRefused.class,
                refused -> assertThat(refused.code()).isEqualTo("backup-not-offered"));
        assertThat(home.resolve("backups")).doesNotExist();
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    /** One second later at every reading, so each backup gets a name of its own. */
    private static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant start) {
            this.now = start.minusSeconds(1);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            now = now.plus(Duration.ofSeconds(1));
            return now;
        }
    }
}
