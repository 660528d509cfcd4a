package nl.wederkerig.api.platform;

import nl.wederkerig.api.support.EngineNeutral;
import nl.wederkerig.api.support.AppProcess;
import nl.wederkerig.core.harness.RequiredTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The neighbourhood's machine does not phone home: the running application connects to nothing
 * but its own database. Seen from outside the JVM: the application runs under {@code strace},
 * which records every {@code connect} and {@code sendto} the process and its threads make, whether
 * it succeeds or not; only loopback and local sockets may appear, and no name lookup (port 53).
 * The second test proves the watch works: with Axon's update checker switched back on, it sees it.
 */
@EngineNeutral
class NoOutboundConnectionTest {

    /** How long the application runs and serves requests while watched: the update checker tries at start. */
    static final Duration WATCHED = Duration.ofSeconds(20);
    static final Pattern INET = Pattern.compile(
            "sa_family=AF_INET6?, sin6?_port=htons\\((\\d+)\\),.*?(?:inet_addr\\(\"([^\"]+)\"\\)|inet_pton\\(AF_INET6, \"([^\"]+)\")");

    @Test
    void theRunningApplicationConnectsToNothingButItself(@TempDir Path home) throws Exception {
        assertThat(outboundConnections(home)).as("connections out of this machine, or name lookups").isEmpty();
        // Nor does it write into the home directory of the user it runs as (Axon's update checker would).
        assertThat(home.resolve(".axoniq")).doesNotExist();
    }

    @Test
    void theWatchSeesAnUpdateCheckerThatPhonesHome(@TempDir Path home) throws Exception {
        assertThat(outboundConnections(home, "-Daxoniq.update-checker.disabled=false", "--spring.autoconfigure.exclude=",
                "--axon.update-check.disabled=false"))
                .isNotEmpty();
    }

    private List<String> outboundConnections(Path home, String... arguments) throws Exception {
        Path strace = RequiredTools.require("strace").get(0);
        Path trace = home.resolve("connections.trace");
        // The user's home is the test's own directory, to see whether anything writes into it.
        try (AppProcess app = AppProcess.start(home, List.of("env", "HOME=" + home, strace.toString(), "-f", "-qq",
                "-e", "trace=connect,sendto,sendmsg", "-o", trace.toString()), withHome(home, arguments))) {
            HttpClient client = HttpClient.newHttpClient();
            long end = System.nanoTime() + WATCHED.toNanos();
            for (String path : List.of("/login", "/setup", "/actuator/health", "/v3/api-docs")) {
                client.send(HttpRequest.newBuilder(URI.create(app.base() + path)).build(), HttpResponse.BodyHandlers.discarding());
            }
            Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        }
        return outbound(Files.readAllLines(trace));
    }

    /** Java reads the home directory from the password database, not from HOME: tell it too. */
    private static String[] withHome(Path home, String... arguments) {
        List<String> all = new java.util.ArrayList<>(List.of(arguments));
        all.add("-Duser.home=" + home);
        return all.toArray(String[]::new);
    }

    /** Lines of the trace that reach beyond this machine, or look a name up. */
    static List<String> outbound(List<String> trace) {
        return trace.stream().filter(line -> {
            Matcher inet = INET.matcher(line);
            if (!inet.find()) {
                return false;
            }
            int port = Integer.parseInt(inet.group(1));
            String address = inet.group(2) != null ? inet.group(2) : inet.group(3);
            return port == 53 || !isLoopback(address);
        }).toList();
    }

    /**
     * Loopback, or one of this machine's own addresses: Tomcat, stopping, connects to its own
     * listening socket through whichever address it picks, to wake its acceptor.
     */
    private static boolean isLoopback(String address) {
        try {
            InetAddress parsed = InetAddress.getByName(address); // a literal: no name lookup
            return parsed.isLoopbackAddress() || parsed.isAnyLocalAddress() || NetworkInterface.getByInetAddress(parsed) != null;
        } catch (IOException notAnAddress) {
            return false;
        }
    }

    @Test
    void theTraceReaderKnowsOutboundFromLocal() throws IOException {
        List<String> trace = List.of(
                "101 connect(5, {sa_family=AF_INET, sin_port=htons(5432), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
                "101 connect(3, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT",
                "102 connect(7, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr(\"52.1.2.3\")}, 16) = -1 EINPROGRESS",
                "103 sendto(8, \"x\", 1, MSG_NOSIGNAL, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"127.0.0.53\")}, 16) = 1",
                "104 connect(9, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"2a00::1\", &sin6_addr), sin6_scope_id=0}, 28) = -1");
        assertThat(outbound(trace)).hasSize(3).allMatch(line -> !line.contains("5432") && !line.contains("AF_UNIX"));
        assertThat(outbound(List.of("105 connect(9, {sa_family=AF_INET6, sin6_port=htons(8080), sin6_flowinfo=htonl(0), "
                + "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0"))).isEmpty();
    }
}
