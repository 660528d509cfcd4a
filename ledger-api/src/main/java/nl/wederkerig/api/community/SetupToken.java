package nl.wederkerig.api.community;

import nl.wederkerig.api.logins.LoginStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The one-time token that lets the person who installed Wederkerig found the first wijk. While
 * nobody can log in (no account has a password: a fresh installation), the token is kept in a file
 * readable by its owner only, and one line in the log says where; it is never printed itself.
 * Whoever can read that file has the machine, so may found the wijk. Founding deletes the file;
 * from then on the setup page and endpoint answer 404.
 */
@Component
@Order(100) // after the demo (when switched on), which makes logins and so leaves nothing to set up
public class SetupToken implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SetupToken.class);
    static final int TOKEN_BYTES = 20;
    /** Longest text accepted as a token before comparing: anything longer is not one. */
    static final int MAX_INPUT_CHARS = 200;

    private final Path file;
    private final LoginStore logins;
    private final SecureRandom random = new SecureRandom();

    SetupToken(@Value("${wederkerig.setup.token-file:./data/setup-token}") Path file, LoginStore logins) {
        this.file = file.toAbsolutePath().normalize();
        this.logins = logins;
    }

    @Override
    public void run(ApplicationArguments args) {
        prepare();
    }

    /** Makes the token when there is something to set up, and removes a stale one when there is not. */
    public synchronized void prepare() {
        if (!isNeeded()) {
            deleteFile();
            return;
        }
        if (!Files.exists(file)) {
            write(HexFormat.of().formatHex(randomBytes()));
        }
        log.info("Nobody can log in yet: open /setup in a browser and found the wijk with the one-time token in {}", file);
    }

    /** Setup is open while nobody can log in and the token file exists. */
    public boolean isOpen() {
        return isNeeded() && Files.exists(file);
    }

    private boolean isNeeded() {
        return !logins.anyWithPassword();
    }

    /** Whether {@code presented} is the token, compared in constant time. */
    public boolean matches(String presented) {
        if (presented == null || presented.length() > MAX_INPUT_CHARS) {
            return false;
        }
        Optional<String> token = read();
        return token.isPresent() && MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8),
                presented.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** After founding: the token is used up. */
    public synchronized void consume() {
        deleteFile();
    }

    Path file() {
        return file;
    }

    private Optional<String> read() {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    private void write(String token) {
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, token + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // Another start made it first; that one stands.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the setup token to " + file, e);
        }
    }

    private void deleteFile() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the used setup token " + file, e);
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }
}
