package nl.wederkerig.api.platform.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * The installation's master key, which encrypts each member's key at rest. Kept in a file beside
 * the database (created with owner-only permissions on first start), so a copy of the database
 * alone reveals no personal text. Back it up separately; without it the notes cannot be read.
 */
public final class MasterKey {

    private MasterKey() {
    }

    public static Aead loadOrCreate(Path file) {
        try {
            AeadConfig.register();
            if (!Files.exists(file)) {
                create(file);
            }
            KeysetHandle master = TinkJsonProtoKeysetFormat.parseKeyset(
                    Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
            return master.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the master key from " + file, e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        String keyset = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return; // another process made it first; use theirs
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, keyset, StandardCharsets.UTF_8);
    }
}
