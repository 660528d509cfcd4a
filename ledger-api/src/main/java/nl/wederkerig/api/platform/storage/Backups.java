package nl.wederkerig.api.platform.storage;

import nl.wederkerig.api.platform.eventstore.DurableCommits;
import nl.wederkerig.api.platform.eventstore.StorageUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Online backups of the embedded database while commands run: H2's {@code BACKUP TO}, which copies
 * the database file as one MVStore version with space reuse switched off during the copy. H2
 * documents it as "transactionally consistent": events, tracking tokens and read models come from
 * the same committed state, so a restored copy never has read models ahead of its events (the
 * defect of copying tables one after another, issue 17). A file is written as {@code .part} and
 * renamed when whole, so a full disk never leaves a half backup under a backup's name; the oldest
 * beyond {@code wederkerig.backup.keep} are removed. PostgreSQL is backed up with {@code pg_dump}
 * (docs/operations.md): refused here.
 */
@Component
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    static final String PREFIX = "wederkerig-";
    static final String SUFFIX = ".zip";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    /** A sanity bound: more kept backups than this is a mistyped setting, not a policy. */
    static final int MAX_KEPT = 1_000;

    public record Backup(String fileName, long bytes, Instant takenAt) {
    }

    /** Why no backup was taken: {@code code} is the problem's code. */
    public static final class BackupRefused extends RuntimeException {
        private final String code;

        BackupRefused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final DataSource dataSource;
    private final boolean embeddedFile;
    private final Path directory;
    private final int keep;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    public Backups(DataSource dataSource, DurableCommits storage, Clock clock,
                   @Value("${wederkerig.backup.directory:./data/backups}") Path directory,
                   @Value("${wederkerig.backup.keep:7}") int keep) {
        if (keep < 1 || keep > MAX_KEPT) {
            throw new IllegalArgumentException("wederkerig.backup.keep must be 1 to " + MAX_KEPT + ", not " + keep);
        }
        this.dataSource = dataSource;
        this.embeddedFile = storage.embeddedFile();
        this.directory = directory;
        this.keep = keep;
        this.clock = clock;
    }

    /** The daily backup when {@code wederkerig.backup.cron} is set (off by default: "-"). */
    @Scheduled(cron = "${wederkerig.backup.cron:-}", zone = "UTC")
    public void scheduled() {
        try {
            Backup backup = take();
            log.info("scheduled backup written: {} ({} bytes)", backup.fileName(), backup.bytes());
        } catch (RuntimeException failed) {
            log.error("the scheduled backup failed: {}", failed.toString());
        }
    }

    /** One backup now; one at a time. */
    public Backup take() {
        if (!embeddedFile) {
            throw new BackupRefused("backup-not-offered", "this installation keeps its book in PostgreSQL; back it up with pg_dump");
        }
        if (!running.tryLock()) {
            throw new BackupRefused("backup-in-progress", "a backup is being written just now; ask again when it is done");
        }
        try {
            Instant takenAt = clock.instant();
            Path file = directory.resolve(PREFIX + STAMP.format(takenAt) + SUFFIX);
            Path part = directory.resolve(file.getFileName() + ".part");
            try {
                Files.createDirectories(directory);
                backUpTo(part);
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
                long bytes = Files.size(file);
                removeBeyondRetention();
                log.info("backup written: {} ({} bytes)", file, bytes);
                return new Backup(file.getFileName().toString(), bytes, takenAt);
            } catch (IOException | SQLException e) {
                deleteQuietly(part);
                throw new StorageUnavailable("the backup could not be written", e);
            }
        } finally {
            running.unlock();
        }
    }

    private void backUpTo(Path part) throws SQLException {
        String target = part.toAbsolutePath().toString().replace("'", "''");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + target + "'");
        }
    }

    /** Keeps the newest {@link #keep}; the names sort by time. */
    private void removeBeyondRetention() throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(directory)) {
            backups = files.filter(Backups::isBackup).sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
        }
        for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            Files.deleteIfExists(old);
            log.info("backup removed, beyond the {} kept: {}", keep, old.getFileName());
        }
    }

    static boolean isBackup(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            throw new UncheckedIOException("a half-written backup could not be removed: " + part, e);
        }
    }
}
