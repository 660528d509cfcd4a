package nl.wederkerig.api.platform.privacy;

import com.google.crypto.tink.Aead;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PersonalDataCipher;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectKeyCipherTest {

    static final MemberId BRAM = MemberId.of("bram");
    static final MemberId CEES = MemberId.of("cees");

    @TempDir
    Path keys;

    JdbcTemplate jdbc;
    Aead master;
    SubjectKeyCipher cipher;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventstore").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        master = MasterKey.loadOrCreate(keys.resolve("master-keyset.json"));
        cipher = new SubjectKeyCipher(jdbc, master, Clock.systemUTC());
    }

    @Test
    void sealsSoTheClearTextAppearsNowhereAndOpensAgain() {
        SealedText sealed = cipher.seal(BRAM, "Bram's leg is broken until March");

        assertThat(sealed.ciphertextBase64()).doesNotContain("leg");
        assertThat(jdbc.queryForObject("SELECT encrypted_keyset FROM subject_key WHERE member_id = 'bram'", String.class))
                .doesNotContain("leg");
        assertThat(cipher.open(BRAM, sealed)).contains("Bram's leg is broken until March");
    }

    @Test
    void erasingTheKeyMakesEveryNoteAboutThatPersonUnreadableAndOnlyThatPerson() {
        SealedText aboutBram = cipher.seal(BRAM, "needs help with stairs");
        SealedText aboutCees = cipher.seal(CEES, "prefers mornings");

        cipher.erase(BRAM);

        assertThat(cipher.open(BRAM, aboutBram)).isEmpty();
        assertThat(cipher.open(CEES, aboutCees)).contains("prefers mornings");
        assertThat(cipher.isErased(BRAM)).isTrue();
        assertThatThrownBy(() -> cipher.seal(BRAM, "new note")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNoteSealedForOnePersonCannotBeOpenedAsAnothers() {
        SealedText aboutBram = cipher.seal(BRAM, "private");
        cipher.seal(CEES, "make cees a key too");
        SealedText relabelled = new SealedText(CEES.value(), aboutBram.ciphertextBase64());

        assertThat(cipher.open(CEES, relabelled)).isEmpty();
        assertThat(cipher.open(CEES, aboutBram)).isEmpty();
    }

    @Test
    void theSameMasterKeyFileOpensNotesAfterARestartAndAnotherDoesNot() throws Exception {
        SealedText sealed = cipher.seal(BRAM, "still here");
        Path file = keys.resolve("master-keyset.json");

        SubjectKeyCipher restarted = new SubjectKeyCipher(jdbc, MasterKey.loadOrCreate(file), Clock.systemUTC());
        assertThat(restarted.open(BRAM, sealed)).contains("still here");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        SubjectKeyCipher otherMaster = new SubjectKeyCipher(jdbc, MasterKey.loadOrCreate(keys.resolve("other.json")),
                Clock.systemUTC());
        assertThatThrownBy(() -> otherMaster.open(BRAM, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesEmptyAndOverlongNotes() {
        assertThatThrownBy(() -> cipher.seal(BRAM, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.seal(BRAM, "x".repeat(PersonalDataCipher.MAX_NOTE_LENGTH_CHARS + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cipher.open(BRAM, cipher.seal(BRAM, "x".repeat(PersonalDataCipher.MAX_NOTE_LENGTH_CHARS))))
                .hasValueSatisfying(text -> assertThat(text).hasSize(PersonalDataCipher.MAX_NOTE_LENGTH_CHARS));
    }
}
