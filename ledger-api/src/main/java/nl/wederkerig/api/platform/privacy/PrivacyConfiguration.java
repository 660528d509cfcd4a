package nl.wederkerig.api.platform.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Where the keys live: the master key and the members' keys in {@code ./keys}, apart from the
 * database in {@code ./data}, so that no copy or backup of the database holds a key (see
 * docs/operations.md, "Personal data and erasure"). An installation from before this layout has its
 * master key moved out of {@code ./data} and its member keys moved out of the database on start.
 */
@Configuration
public class PrivacyConfiguration {

    static final String MASTER_KEY_FILE = "./keys/master-keyset.json";
    /** Where installations before the ./keys layout kept the master key. */
    static final String FORMER_MASTER_KEY_FILE = "./data/master-keyset.json";

    private static final Logger log = LoggerFactory.getLogger(PrivacyConfiguration.class);

    /**
     * {@code directory} (the default) keeps member keys as files in {@code key-directory};
     * {@code database} keeps them in the {@code subject_key} table, for several application
     * instances on one PostgreSQL database that share no directory.
     */
    @Bean
    public SubjectKeys subjectKeys(JdbcTemplate jdbc, Clock clock,
                                   @Value("${wederkerig.privacy.key-store:directory}") String store,
                                   @Value("${wederkerig.privacy.key-directory:./keys/subjects}") Path directory) {
        SubjectKeys keys = switch (store) {
            case "directory" -> new KeyDirectory(directory);
            case "database" -> new KeyTable(jdbc, clock);
            default -> throw new IllegalArgumentException("wederkerig.privacy.key-store is 'directory' or 'database', not '" + store + "'");
        };
        int moved = SubjectKeyCipher.moveKeysOutOfTheDatabase(jdbc, keys);
        if (moved > 0) {
            log.info("Moved {} member keys out of the database into {}", moved, directory);
        }
        return keys;
    }

    /** Seals personal free text per member. */
    @Bean
    public SubjectKeyCipher personalDataCipher(SubjectKeys keys, JdbcTemplate jdbc, Clock clock,
            @Value("${wederkerig.privacy.master-key-file:" + MASTER_KEY_FILE + "}") Path masterKeyFile) {
        // Only the default location takes over a former default: a key file named on purpose is never moved.
        boolean defaultLocation = masterKeyFile.normalize().equals(Path.of(MASTER_KEY_FILE).normalize());
        return new SubjectKeyCipher(keys, jdbc, defaultLocation
                ? MasterKey.loadOrCreate(masterKeyFile, Path.of(FORMER_MASTER_KEY_FILE))
                : MasterKey.loadOrCreate(masterKeyFile), clock);
    }
}
