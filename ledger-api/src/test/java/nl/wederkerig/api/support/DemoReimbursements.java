package nl.wederkerig.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.wederkerig.api.demo.DemoData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Load for process-level storage tests ({@link AppProcess} with the demo neighbourhood): advances
 * lent by amina and small reimbursements of them, each with its own command id and Idempotency-Key,
 * and what the H2 file holds afterwards. Figures are in cents, never floats.
 */
public final class DemoReimbursements {

    public static final BigDecimal ADVANCE_EUR = new BigDecimal("100.00");
    public static final BigDecimal REIMBURSEMENT_EUR = new BigDecimal("0.10");
    private static final List<String> BORROWERS = List.of("bram", "cees", "dirk");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> borrowerOf = new HashMap<>();
    private final String prefix;

    public DemoReimbursements(String prefix) {
        this.prefix = prefix;
    }

    public record Reimbursement(String advanceId, String borrower, String commandId) {
    }

    /** {@code count} advances of {@link #ADVANCE_EUR} each; every one must be answered 201. */
    public void makeAdvances(AppProcess app, int count) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            String advance = prefix + "-adv-" + i;
            String borrower = BORROWERS.get(i % BORROWERS.size());
            String body = """
                    {"advanceId":"%s","borrower":"%s","amount":{"amount":"%s","currency":"EUR"},"purpose":"GROCERIES"}"""
                    .formatted(advance, borrower, ADVANCE_EUR.toPlainString());
            HttpResponse<String> made = post(app, "amina", "/advances", advance, body);
            if (made.statusCode() != 201) {
                throw new IllegalStateException("advance not made: " + made.statusCode() + " " + made.body());
            }
            borrowerOf.put(advance, borrower);
        }
    }

    public List<String> advances() {
        return List.copyOf(borrowerOf.keySet());
    }

    /** A new reimbursement of {@link #REIMBURSEMENT_EUR} on the {@code n}-th advance (round robin). */
    public Reimbursement next(int n) {
        List<String> advances = new ArrayList<>(borrowerOf.keySet());
        advances.sort(null);
        String advance = advances.get(n % advances.size());
        return new Reimbursement(advance, borrowerOf.get(advance), UUID.randomUUID().toString());
    }

    /** Sends it (again: same command id and key); the answer as it came. */
    public HttpResponse<String> send(AppProcess app, Reimbursement reimbursement) throws IOException, InterruptedException {
        String body = """
                {"commandId":"%s","amount":{"amount":"%s","currency":"EUR"}}"""
                .formatted(reimbursement.commandId(), REIMBURSEMENT_EUR.toPlainString());
        return post(app, reimbursement.borrower(), "/advances/" + reimbursement.advanceId() + "/reimbursements",
                reimbursement.commandId(), body);
    }

    public HttpResponse<String> get(AppProcess app, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(app.base() + path)).timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(AppProcess app, String user, String path, String key, String body)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/communities/" + DemoData.COMMUNITY + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** What a book holds, read with the application stopped. */
    public record Stored(Map<String, Integer> timesStored, Map<String, Long> outstandingCents, Map<String, Integer> perAdvance) {

        /**
         * Advances whose balance counts more reimbursements than are stored: a read model ahead of its
         * events. (Behind is allowed until the processors have caught up.)
         */
        public Map<String, String> balancesAheadOfTheEvents() {
            Map<String, String> ahead = new HashMap<>();
            balancesThatDisagreeWithTheEvents().forEach((advance, why) -> {
                long expected = ADVANCE_EUR.subtract(REIMBURSEMENT_EUR.multiply(BigDecimal.valueOf(perAdvance.getOrDefault(advance, 0))))
                        .movePointRight(2).longValueExact();
                if (outstandingCents.get(advance) < expected) {
                    ahead.put(advance, why);
                }
            });
            return ahead;
        }

        /** Every advance's outstanding amount is its amount less the reimbursements stored for it. */
        public Map<String, String> balancesThatDisagreeWithTheEvents() {
            Map<String, String> wrong = new HashMap<>();
            outstandingCents.forEach((advance, cents) -> {
                long expected = ADVANCE_EUR.subtract(REIMBURSEMENT_EUR.multiply(BigDecimal.valueOf(perAdvance.getOrDefault(advance, 0))))
                        .movePointRight(2).longValueExact();
                if (cents != expected) {
                    wrong.put(advance, "read model " + cents + " cents, events say " + expected);
                }
            });
            return wrong;
        }
    }

    public Stored stored(Path dataDirectory) throws SQLException, IOException {
        String url = "jdbc:h2:file:" + dataDirectory.resolve("wederkerig").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            return stored(connection);
        }
    }

    /** What the book behind {@code connection} holds (a PostgreSQL database, or an H2 file). */
    public Stored stored(Connection connection) throws SQLException, IOException {
        Map<String, Integer> stored = new HashMap<>();
        Map<String, Integer> perAdvance = new HashMap<>();
        Map<String, Long> outstanding = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT payload FROM domain_event_entry WHERE payload_type = 'nl.wederkerig.core.advances.AdvanceReimbursed'")) {
                while (rows.next()) {
                    JsonNode event = json.readTree(new String(rows.getBytes(1), StandardCharsets.UTF_8));
                    if (!event.path("advanceId").asText().startsWith(prefix + "-adv-")) {
                        continue; // the demo's own
                    }
                    stored.merge(event.path("commandId").asText(), 1, Integer::sum);
                    perAdvance.merge(event.path("advanceId").asText(), 1, Integer::sum);
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT advance_id, outstanding_cents FROM advance_balance WHERE advance_id LIKE '" + prefix + "-adv-%'")) {
                while (rows.next()) {
                    outstanding.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return new Stored(stored, outstanding, perAdvance);
    }

    /**
     * Runs the application once more on {@code home} with {@code argument} (such as
     * {@code --wederkerig.read-models=check} or {@code --wederkerig.verify}); its exit code and output.
     */
    public static CommandLineRun runOnce(Path home, String... arguments) {
        try {
            List<String> command = new ArrayList<>(AppProcess.command(arguments));
            command.add("--server.port=0");
            Path log = home.resolve("command-line-" + System.nanoTime() + ".log");
            Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("did not finish: " + List.of(arguments));
            }
            return new CommandLineRun(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record CommandLineRun(int exitCode, String output) {
    }
}
