package nl.wederkerig.api.support;

import nl.wederkerig.api.WederkerigApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The application as its users get it: a process of its own, in a directory of its own whose
 * {@code data} is a fresh installation when empty, on a free port. Started with the classes this
 * test runs on and the application's own main method, so nothing a test context configures leaks
 * in. {@link #close} stops it; {@link #kill} is {@code kill -9}.
 */
public final class AppProcess implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path dataDirectory;
    private final Path log;

    private AppProcess(Process process, int port, Path dataDirectory, Path log) {
        this.process = process;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.log = log;
    }

    /**
     * Starts the application in {@code home}, as the README does: its data live in {@code home/data}
     * (empty: a fresh installation), with the application's own defaults for everything else.
     * {@code prefix} runs it under another program (strace). Waits until it is ready.
     */
    public static AppProcess start(Path home, List<String> prefix, String... arguments) {
        try {
            Path dataDirectory = home.resolve("data");
            Files.createDirectories(dataDirectory);
            int port = freePort();
            Path log = home.resolve("app.log");
            List<String> command = new ArrayList<>(prefix);
            command.addAll(command(arguments));
            command.add("--server.port=" + port);
            Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            AppProcess app = new AppProcess(process, port, dataDirectory, log);
            app.awaitReady();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AppProcess start(Path home, String... arguments) {
        return start(home, List.of(), arguments);
    }

    /**
     * The command that runs the application's main method with this test's classes; run it in the
     * installation's home. Arguments starting with {@code -D} are system properties of the JVM.
     */
    public static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        for (String argument : arguments) {
            if (argument.startsWith("-D")) {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WederkerigApplication.class.getName());
        for (String argument : arguments) {
            if (!argument.startsWith("-D")) {
                command.add(argument);
            }
        }
        return command;
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped while starting:\n" + log());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the application was not ready within " + START_TIMEOUT + ":\n" + log());
    }

    /** {@code kill -9}: the process ends at once, as in a power cut. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitForEnd();
    }

    /** A normal stop; the application (not a program it runs under, such as strace) gets the signal first. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        waitForEnd();
    }

    private void waitForEnd() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
