package nl.wederkerig.api.platform.privacy;

import nl.wederkerig.statements.CounterpartyKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret behind bank counterparties' pseudonyms ({@link CounterpartyKeys}): 32 random bytes in
 * a file beside the master key (by default {@code ./keys/counterparty-key}), created owner-only on
 * first use. A keyed hash, because an unkeyed hash of a Dutch account number could be reversed by
 * trying them all. Losing the file changes nothing recorded; lines imported afterwards get other
 * pseudonyms, so matching learns counterparties afresh.
 */
@Configuration
public class CounterpartySecret {

    static final int SECRET_BYTES = 32;

    @Bean
    public CounterpartyKeys counterpartyKeys(
            @Value("${wederkerig.privacy.master-key-file:" + PrivacyConfiguration.MASTER_KEY_FILE + "}") Path masterKeyFile) {
        Path parent = masterKeyFile.toAbsolutePath().getParent();
        return new CounterpartyKeys(loadOrCreate(parent.resolve("counterparty-key")));
    }

    static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] secret = new byte[SECRET_BYTES];
                new SecureRandom().nextBytes(secret);
                Path fresh = Files.createTempFile(file.getParent(), "counterparty-key", ".new");
                try {
                    Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the directory's own permissions protect it
                }
                Files.writeString(fresh, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
                Files.move(fresh, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            byte[] secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (secret.length < CounterpartyKeys.MIN_SECRET_BYTES) {
                throw new IllegalStateException("the counterparty key in " + file + " is too short");
            }
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the counterparty key from " + file, e);
        }
    }
}
