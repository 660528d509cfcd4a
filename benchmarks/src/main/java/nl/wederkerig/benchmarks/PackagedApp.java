package nl.wederkerig.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code ledger-api/target/ledger-api-*-exec.jar}, as operators run it)
 * in a child process of its own: for what the in-process application cannot show, namely the time
 * from {@code java -jar} to ready (JVM start and class loading included, so class-data sharing can
 * be compared), and the resident set size of the application alone ({@code VmRSS} and the peak
 * {@code VmHWM} of {@code /proc/<pid>/status}, not the harness's heap).
 */
final class PackagedApp implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    private final Process process;
    private final int port;
    private final long readyMillis;

    private PackagedApp(Process process, int port, long readyMillis) {
        this.process = process;
        this.port = port;
        this.readyMillis = readyMillis;
    }

    /** The packaged jar, or null when it has not been built (then the rows say so). */
    static Path jar() {
        String configured = System.getProperty("benchmarks.app-jar");
        List<String> candidates = configured != null ? List.of(configured)
                // from the project's root (java -jar benchmarks/target/…) or from the module (its tests)
                : List.of("ledger-api/target/ledger-api-0.1.0-SNAPSHOT-exec.jar", "../ledger-api/target/ledger-api-0.1.0-SNAPSHOT-exec.jar");
        return candidates.stream().map(Path::of).filter(Files::isRegularFile).map(Path::toAbsolutePath).findFirst().orElse(null);
    }

    /**
     * Another build of the packaged jar to start beside this one ({@code -Dbenchmarks.baseline-jar}, e.g.
     * main's, copied aside before building a branch), or null. Its rows are marked "baseline jar".
     */
    static Path baselineJar() {
        String configured = System.getProperty("benchmarks.baseline-jar");
        return configured == null || configured.isBlank() ? null : Path.of(configured).toAbsolutePath();
    }

    /** Starts the jar on the given database file (fresh or a book) and waits until it reports ready. */
    static PackagedApp start(Path jar, List<String> jvmOptions, Path databaseFile, Path log) throws Exception {
        int port = freePort();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command(jar, jvmOptions, databaseFile, List.of("--server.port=" + port)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitReady(process, port, log);
        } catch (Exception | Error e) {
            process.destroyForcibly().waitFor();
            throw e;
        }
        return new PackagedApp(process, port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /**
     * Runs the jar until it exits by itself (a command line such as a rebuild), watching its peak
     * resident set size. @return the peak in MiB; fails if the process exits with an error
     */
    static double peakRssOfRun(Path jar, List<String> jvmOptions, Path databaseFile, List<String> arguments, Path log)
            throws Exception {
        Process process = new ProcessBuilder(command(jar, jvmOptions, databaseFile, arguments))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        double peak = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, statusMiB(process.pid(), "VmHWM"));
            if (System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the packaged application's run took over 30 minutes; see " + log);
            }
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the packaged application exited with " + process.exitValue() + "; see " + log);
        }
        return peak;
    }

    /**
     * A training run for AppCDS: starts the jar (extracted, as class-data sharing needs plain jars on
     * the class path), stops it once the context is refreshed and writes the archive at exit.
     */
    static void trainArchive(Path extractedJar, Path archive, Path databaseFile, Path log) throws Exception {
        List<String> options = List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh");
        Process process = new ProcessBuilder(command(extractedJar, options, databaseFile, List.of("--server.port=0")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(READY_WITHIN.toMinutes(), TimeUnit.MINUTES) || !Files.isRegularFile(archive)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the AppCDS training run wrote no archive; see " + log);
        }
    }

    /** {@code java -Djarmode=tools -jar app.jar extract}: the layout AppCDS needs. @return the extracted jar */
    static Path extract(Path jar, Path destination, Path log) throws Exception {
        Process process = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                destination.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("extracting the jar failed; see " + log);
        }
        return destination.resolve(jar.getFileName());
    }

    long readyMillis() {
        return readyMillis;
    }

    /** Asks {@code path} (no authentication needed) a few times, so the answer path has been loaded. */
    void warm(String path, int times) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < times; i++) {
            client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    /** Resident set size now, in MiB. */
    double rssMiB() throws IOException {
        return statusMiB(process.pid(), "VmRSS");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static List<String> command(Path jar, List<String> jvmOptions, Path databaseFile, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-Daxoniq.update-checker.disabled=true");
        command.add("-jar");
        command.add(jar.toString());
        Path keys = databaseFile.toAbsolutePath().resolveSibling(databaseFile.getFileName() + "-keys");
        command.add("--spring.datasource.url=jdbc:h2:file:" + databaseFile.toAbsolutePath() + LedgerApp.defaultUrlOptions());
        command.add("--wederkerig.privacy.master-key-file=" + keys.resolve("master-keyset.json"));
        command.add("--wederkerig.privacy.key-directory=" + keys.resolve("subjects"));
        command.add("--spring.main.banner-mode=off");
        command.add("--logging.level.root=WARN");
        command.addAll(arguments);
        return command;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void awaitReady(Process process, int port, Path log) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the packaged application stopped with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens late in the start; keep asking
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("the packaged application was not ready within " + READY_WITHIN + "; see " + log);
    }

    private static double statusMiB(long pid, String field) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        List<String> lines;
        try {
            lines = Files.readAllLines(status);
        } catch (IOException exitedMeanwhile) {
            return 0;
        }
        for (String line : lines) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim()) / 1024.0;
            }
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
