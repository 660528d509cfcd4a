package nl.wederkerig.statements;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Test files from the classpath: the public samples (samples/) and those written for these tests (statements/). */
final class Files {

    private Files() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Files.class.getResourceAsStream("/" + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    static StatementFile read(String path, StatementFormat format) {
        return StatementReader.read(bytes(path), format);
    }

    static StatementFile read(String text, StatementFormat format, boolean unused) {
        return StatementReader.read(text.getBytes(StandardCharsets.UTF_8), format);
    }
}
