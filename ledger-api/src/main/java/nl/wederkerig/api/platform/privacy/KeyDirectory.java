package nl.wederkerig.api.platform.privacy;

import nl.wederkerig.core.shared.MemberId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Member keys as one small file each in a directory of their own (default {@code ./keys/subjects},
 * beside the master key and apart from {@code ./data}), readable by the owner only. Erasing deletes
 * the file: no copy of the database, old or new, ever held it. The file name is a hash of the
 * member id, so the directory listing names nobody.
 */
public final class KeyDirectory implements SubjectKeys {

    private final Path directory;

    public KeyDirectory(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            ownerOnly(directory, "rwx------");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + directory + " for member keys", e);
        }
    }

    @Override
    public Optional<String> find(MemberId member) {
        try {
            return Optional.of(Files.readString(fileOf(member), StandardCharsets.UTF_8));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Written whole to a temporary file first and then linked under its name, which fails when the
     * name exists: two first requests for one member never replace each other's key, and nobody
     * reads a half-written file.
     */
    @Override
    public String keep(MemberId member, String encryptedKeyset) {
        Path target = fileOf(member);
        Path written = null;
        try {
            written = Files.createTempFile(directory, "new-", ".tmp");
            ownerOnly(written, "rw-------");
            Files.writeString(written, encryptedKeyset, StandardCharsets.UTF_8);
            Files.createLink(target, written);
            return encryptedKeyset;
        } catch (FileAlreadyExistsException racedByAnotherRequest) {
            return find(member).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the key of " + member, e);
        } finally {
            deleteQuietly(written);
        }
    }

    @Override
    public void destroy(MemberId member) {
        try {
            Files.deleteIfExists(fileOf(member));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot destroy the key of " + member, e);
        }
    }

    Path fileOf(MemberId member) {
        try {
            byte[] name = MessageDigest.getInstance("SHA-256").digest(("member:" + member.value()).getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(name) + ".json");
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's own access list applies.
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a stray temporary file holds a key that is kept under its name anyway, or none that was used
        }
    }
}
