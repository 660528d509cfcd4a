package nl.wederkerig.api.platform.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PersonalDataCipher;
import nl.wederkerig.core.shared.SealedText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * {@link PersonalDataCipher} with Google Tink: AES-256-GCM with one key per member, the member id
 * as associated data (a note sealed for one person cannot be passed off as another's), and keys
 * stored encrypted by the {@link MasterKey}. {@link #erase} destroys a member's key.
 */
public class SubjectKeyCipher implements PersonalDataCipher {

    private static final byte[] KEYSET_CONTEXT = "wederkerig subject key".getBytes(StandardCharsets.UTF_8);

    private final JdbcTemplate jdbc;
    private final Aead master;
    private final Clock clock;

    public SubjectKeyCipher(JdbcTemplate jdbc, Aead master, Clock clock) {
        this.jdbc = jdbc;
        this.master = master;
        this.clock = clock;
    }

    @Override
    public SealedText seal(MemberId subject, String clearText) {
        if (clearText == null || clearText.isEmpty() || clearText.length() > MAX_NOTE_LENGTH_CHARS) {
            throw new IllegalArgumentException("a note holds 1 to " + MAX_NOTE_LENGTH_CHARS + " characters");
        }
        if (isErased(subject)) {
            throw new IllegalStateException("the personal data of " + subject + " was erased; nothing new is kept");
        }
        try {
            byte[] ciphertext = keyOf(subject).orElseGet(() -> create(subject))
                    .encrypt(clearText.getBytes(StandardCharsets.UTF_8), associatedData(subject));
            return new SealedText(subject.value(), Base64.getEncoder().encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    @Override
    public Optional<String> open(MemberId subject, SealedText sealed) {
        if (!sealed.keyId().equals(subject.value())) {
            return Optional.empty();
        }
        Optional<Aead> key = keyOf(subject);
        if (key.isEmpty()) {
            return Optional.empty(); // erased: the text is gone for good
        }
        try {
            byte[] clear = key.get().decrypt(Base64.getDecoder().decode(sealed.ciphertextBase64()), associatedData(subject));
            return Optional.of(new String(clear, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException tamperedOrForeign) {
            return Optional.empty();
        }
    }

    /** Destroys the member's key: every note about them becomes unreadable, everywhere, for good. */
    public void erase(MemberId subject) {
        jdbc.update("DELETE FROM subject_key WHERE member_id = ?", subject.value());
        try {
            jdbc.update("INSERT INTO subject_erased (member_id, erased_at) VALUES (?, ?)",
                    subject.value(), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException erasedBefore) {
            // erasing twice erases nothing more
        }
    }

    public boolean isErased(MemberId subject) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM subject_erased WHERE member_id = ?", Integer.class,
                subject.value());
        return count != null && count > 0;
    }

    private Optional<Aead> keyOf(MemberId subject) {
        return jdbc.queryForList("SELECT encrypted_keyset FROM subject_key WHERE member_id = ?", String.class,
                subject.value()).stream().findFirst().map(this::primitive);
    }

    private Aead create(MemberId subject) {
        try {
            KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            String encrypted = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(key, master, KEYSET_CONTEXT);
            jdbc.update("INSERT INTO subject_key (member_id, encrypted_keyset, created_at) VALUES (?, ?, ?)",
                    subject.value(), encrypted, Timestamp.from(clock.instant()));
            return key.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (DuplicateKeyException racedByAnotherRequest) {
            return keyOf(subject).orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a key", e);
        }
    }

    private Aead primitive(String encryptedKeyset) {
        try {
            return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(encryptedKeyset, master, KEYSET_CONTEXT)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a member key cannot be opened with this master key", e);
        }
    }

    private static byte[] associatedData(MemberId subject) {
        return ("member:" + subject.value()).getBytes(StandardCharsets.UTF_8);
    }
}
