package nl.wederkerig.core.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One policy for every test that needs a program outside the JVM (the journal oracles hledger and
 * ledger, the browser, strace, pdftotext): it runs, and it fails with a plain message when the
 * program is missing. Never skipped: a skipped oracle looks like a passed one. {@code ./test}, the
 * README's test command, installs them all first.
 */
public final class RequiredTools {

    private RequiredTools() {
    }

    /** Fails the test unless every named program is on the PATH (or in /usr/bin); returns their paths. */
    public static List<Path> require(String... programs) {
        return Arrays.stream(programs).map(RequiredTools::find).toList();
    }

    private static Path find(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin";
        for (String directory : path.split(":")) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, program);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return fail(program + " is not installed, and this test needs it. Run ./test from the project's root: it "
                + "installs what the tests need (Debian packages hledger, ledger, chromium, chromium-driver, strace, "
                + "poppler-utils) and then runs them.");
    }
}
