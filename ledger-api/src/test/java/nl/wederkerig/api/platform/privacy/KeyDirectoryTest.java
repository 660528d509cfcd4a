package nl.wederkerig.api.platform.privacy;

import com.google.crypto.tink.Aead;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.SealedText;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Member keys kept apart from the database: one file each, gone for good when the member is erased. */
class KeyDirectoryTest {

    static final MemberId BRAM = MemberId.of("bram");

    @TempDir
    Path keys;

    JdbcTemplate jdbc;
    Aead master;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventstore").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        master = MasterKey.loadOrCreate(keys.resolve("master-keyset.json"));
    }

    @Test
    void aSealedNoteOpensWithTheKeyFileAndNeverAfterErasure() {
        KeyDirectory directory = new KeyDirectory(keys.resolve("subjects"));
        SubjectKeyCipher cipher = new SubjectKeyCipher(directory, jdbc, master, Clock.systemUTC());

        SealedText note = cipher.seal(BRAM, "Bram's IBAN NL91ABNA0417164300");

        assertThat(Files.exists(directory.fileOf(BRAM))).isTrue();
        assertThat(directory.fileOf(BRAM).getFileName().toString()).doesNotContain("bram");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subject_key", Integer.class)).isZero();
        assertThat(cipher.open(BRAM, note)).hasValue("Bram's IBAN NL91ABNA0417164300");

        cipher.erase(BRAM);

        assertThat(Files.exists(directory.fileOf(BRAM))).isFalse();
        assertThat(cipher.open(BRAM, note)).isEmpty();
        assertThat(cipher.isErased(BRAM)).isTrue();
    }

    @Test
    void theFirstKeyKeptStaysTheKey() {
        KeyDirectory directory = new KeyDirectory(keys.resolve("subjects"));

        assertThat(directory.keep(BRAM, "first")).isEqualTo("first");
        assertThat(directory.keep(BRAM, "second")).isEqualTo("first");
        assertThat(directory.find(BRAM)).hasValue("first");
        try (var files = Files.list(keys.resolve("subjects"))) {
            assertThat(files).hasSize(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void keysAnOlderInstallationKeptInTheDatabaseAreMovedOutAndStillOpen() {
        SubjectKeyCipher before = new SubjectKeyCipher(jdbc, master, Clock.systemUTC());
        SealedText note = before.seal(BRAM, "kept in the database before");
        KeyDirectory directory = new KeyDirectory(keys.resolve("subjects"));

        assertThat(SubjectKeyCipher.moveKeysOutOfTheDatabase(jdbc, directory)).isEqualTo(1);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subject_key", Integer.class)).isZero();
        assertThat(new SubjectKeyCipher(directory, jdbc, master, Clock.systemUTC()).open(BRAM, note))
                .hasValue("kept in the database before");
        assertThat(SubjectKeyCipher.moveKeysOutOfTheDatabase(jdbc, directory)).isZero();
    }

    @Test
    void theMasterKeyMovesOutOfTheDatabaseDirectoryOnce() throws Exception {
        Path former = keys.resolve("data").resolve("master-keyset.json");
        Aead old = MasterKey.loadOrCreate(former);
        byte[] sealed = old.encrypt("x".getBytes(), new byte[0]);
        Path moved = keys.resolve("keys").resolve("master-keyset.json");

        Aead now = MasterKey.loadOrCreate(moved, former);

        assertThat(Files.exists(former)).isFalse();
        assertThat(Files.exists(moved)).isTrue();
        assertThat(now.decrypt(sealed, new byte[0])).isEqualTo("x".getBytes());
    }
}
