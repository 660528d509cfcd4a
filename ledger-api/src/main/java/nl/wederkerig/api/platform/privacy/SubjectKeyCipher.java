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

    private final SubjectKeys keys;
    private final JdbcTemplate jdbc;
    private final Aead master;
    private final Clock clock;

    /** Keys in the database's {@code subject_key} table ({@link KeyTable}). */
    public SubjectKeyCipher(JdbcTemplate jdbc, Aead master, Clock clock) {
        this(new KeyTable(jdbc, clock), jdbc, master, clock);
    }

    /** {@code jdbc} keeps the list of erased members, which holds no secret. */
    public SubjectKeyCipher(SubjectKeys keys, JdbcTemplate jdbc, Aead master, Clock clock) {
        this.keys = keys;
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

    /**
     * Seals a file of the member's (a receipt scan) under their key. {@code context} names what the
     * bytes are and where they are kept, and is bound to them: sealed bytes moved to another row or
     * passed off as another member's do not open.
     */
    public byte[] sealBytes(MemberId subject, byte[] clear, String context) {
        if (clear == null || clear.length == 0) {
            throw new IllegalArgumentException("nothing to seal");
        }
        if (isErased(subject)) {
            throw new IllegalStateException("the personal data of " + subject + " was erased; nothing new is kept");
        }
        try {
            return keyOf(subject).orElseGet(() -> create(subject)).encrypt(clear, associatedData(subject, context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** The bytes {@link #sealBytes} sealed with the same context, or empty once the member's key is destroyed. */
    public Optional<byte[]> openBytes(MemberId subject, byte[] sealed, String context) {
        Optional<Aead> key = keyOf(subject);
        if (key.isEmpty()) {
            return Optional.empty(); // erased: the file is gone for good
        }
        try {
            return Optional.of(key.get().decrypt(sealed, associatedData(subject, context)));
        } catch (GeneralSecurityException tamperedOrForeign) {
            return Optional.empty();
        }
    }

    /**
     * Destroys the member's key: every note about them becomes unreadable, everywhere, for good. The
     * member is marked erased first, so a stop in between never leaves room for a new key.
     */
    public void erase(MemberId subject) {
        try {
            jdbc.update("INSERT INTO subject_erased (member_id, erased_at) VALUES (?, ?)",
                    subject.value(), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException erasedBefore) {
            // erasing twice erases nothing more
        }
        keys.destroy(subject);
    }

    public boolean isErased(MemberId subject) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM subject_erased WHERE member_id = ?", Integer.class,
                subject.value());
        return count != null && count > 0;
    }

    private Optional<Aead> keyOf(MemberId subject) {
        return keys.find(subject).map(this::primitive);
    }

    private Aead create(MemberId subject) {
        try {
            KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            String encrypted = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(key, master, KEYSET_CONTEXT);
            // Another request may have made one first: then theirs is the key, for both.
            return primitive(keys.keep(subject, encrypted));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a key", e);
        }
    }

    /**
     * Moves keys an older installation kept in the database's {@code subject_key} table into
     * {@code keys} (when that is another store), then deletes them from the table. Once, at start.
     *
     * @return how many keys were moved
     */
    public static int moveKeysOutOfTheDatabase(JdbcTemplate jdbc, SubjectKeys keys) {
        if (keys instanceof KeyTable) {
            return 0;
        }
        int moved = 0;
        for (var row : jdbc.queryForList("SELECT member_id, encrypted_keyset FROM subject_key")) {
            MemberId member = MemberId.of((String) row.get("member_id"));
            String encrypted = (String) row.get("encrypted_keyset");
            if (keys.keep(member, encrypted).equals(encrypted)) {
                jdbc.update("DELETE FROM subject_key WHERE member_id = ?", member.value());
                moved++;
            } // else the store already held another key for this member: keep both, a person decides

        }
        return moved;
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

    /** Never equal to a note's associated data: a file's ciphertext cannot be opened as a note, nor the reverse. */
    private static byte[] associatedData(MemberId subject, String context) {
        return ("member:" + subject.value() + "|file:" + context).getBytes(StandardCharsets.UTF_8);
    }
}
