package nl.wederkerig.api.platform.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.wederkerig.api.demo.DemoData;
import nl.wederkerig.api.support.AppProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing acknowledged is ever lost: the application as a process of its own takes concurrent
 * reimbursements (16 clients, each request with its own command id and Idempotency-Key) and is
 * killed with {@code kill -9} at a random moment, three times. After each restart every request
 * that had no answer is sent again with its key. Then: every acknowledged reimbursement is stored
 * exactly once, nothing is stored twice, every advance's outstanding amount is its amount minus the
 * reimbursements stored, and the read models equal a fresh replay ({@code --wederkerig.read-models=check}).
 *
 * <p>On the embedded H2 database by default; on PostgreSQL when the suite runs in the postgres profile
 * (a database of its own, dropped afterwards).
 */
class CrashTest {

    static final int ADVANCES = 20;
    static final int CLIENTS = 16;
    static final int CRASHES = 3;
    static final int REIMBURSEMENTS_PER_ROUND = 240;
    static final BigDecimal ADVANCE_EUR = new BigDecimal("100.00");
    static final BigDecimal REIMBURSEMENT_EUR = new BigDecimal("0.10");
    static final List<String> BORROWERS = List.of("bram", "cees", "dirk");
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random();
    /** Answered 2xx: the ledger promised these. */
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Sent, never answered (the process died, or a 5xx): to be sent again with the same key. */
    private final Map<String, Reimbursement> unanswered = new ConcurrentHashMap<>();
    /** Answers that are neither an acknowledgement nor a refusal: 5xx, and 409 conflicts the application did not retry. */
    private final List<String> notAnAnswer = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The last answer (or failure) each unanswered request got, to say why it is still unanswered. */
    private final Map<String, String> lastOutcome = new ConcurrentHashMap<>();

    record Reimbursement(String advanceId, String borrower, String commandId) {
    }

    @Test
    void nothingAcknowledgedIsLostWhenTheProcessIsKilledThreeTimes(@TempDir Path home) throws Exception {
        Database database = Database.forThisRun(home);
        try {
            List<String> arguments = new ArrayList<>(database.arguments());
            arguments.add("--wederkerig.demo=true");
            String[] args = arguments.toArray(String[]::new);
            AppProcess app = AppProcess.start(home, args);
            Map<String, String> borrowerOf = makeAdvances(app);
            for (int crash = 1; crash <= CRASHES; crash++) {
                app = loadKillAndRestart(home, app, borrowerOf, args);
                retryUnanswered(app);
            }
            app.close();
            assertThat(acknowledged).as("the load reached the ledger").hasSizeGreaterThan(CRASHES * 20);
            theReadModelsEqualAFreshReplay(home, args);
            theStoreHoldsEveryAcknowledgedCommandOnce(database, borrowerOf);
        } finally {
            database.drop();
            // For a person to read: every start, kill and restart of this run.
            Path kept = Path.of("target", "crash-test-" + database.name() + ".log");
            Files.createDirectories(kept.getParent());
            if (Files.exists(home.resolve("app.log"))) {
                Files.copy(home.resolve("app.log"), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Two application processes on one PostgreSQL database, the clients' requests spread over both,
     * all on the same 20 advances: every request gets one answer (a race between the instances is
     * retried inside, never a 5xx or a 409), nothing is lost or stored twice, and the read models
     * equal a replay. PostgreSQL only: an H2 file is open in one process at a time.
     */
    @Test
    void twoInstancesOnOnePostgresDatabaseLoseAndDoubleNothing(@TempDir Path homes) throws Exception {
        Database database = Database.forThisRun(homes.resolve("a"));
        org.junit.jupiter.api.Assumptions.assumeTrue(database instanceof Postgres,
                "several instances share PostgreSQL only; this runs in the postgres profile (.ci/run)");
        try {
            List<String> arguments = new ArrayList<>(database.arguments());
            arguments.add("--wederkerig.demo=true");
            String[] args = arguments.toArray(String[]::new);
            try (AppProcess first = AppProcess.start(homes.resolve("a"), args);
                 AppProcess second = AppProcess.start(homes.resolve("b"), args)) {
                Map<String, String> borrowerOf = makeAdvances(first);
                List<String> advances = new ArrayList<>(borrowerOf.keySet());
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                for (int i = 0; i < REIMBURSEMENTS_PER_ROUND * 2; i++) {
                    String advance = advances.get(random.nextInt(advances.size()));
                    Reimbursement reimbursement = new Reimbursement(advance, borrowerOf.get(advance), UUID.randomUUID().toString());
                    AppProcess instance = i % 2 == 0 ? first : second;
                    clients.submit(() -> send(instance, reimbursement));
                }
                clients.shutdown();
                assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
                assertThat(notAnAnswer).as("5xx or unretried conflicts").isEmpty();
                assertThat(unanswered).isEmpty();
                assertThat(acknowledged).hasSize(REIMBURSEMENTS_PER_ROUND * 2);
            }
            theReadModelsEqualAFreshReplay(homes.resolve("a"), args);
            theStoreHoldsEveryAcknowledgedCommandOnce(database, advancesAsMade());
        } finally {
            database.drop();
            for (String instance : List.of("a", "b")) {
                Path log = homes.resolve(instance).resolve("app.log");
                if (Files.exists(log)) {
                    Files.createDirectories(Path.of("target"));
                    Files.copy(log, Path.of("target", "two-instances-" + instance + ".log"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The advances the two-instance test made, by borrower, as {@link #makeAdvances} named them. */
    private static Map<String, String> advancesAsMade() {
        Map<String, String> borrowerOf = new HashMap<>();
        for (int i = 0; i < ADVANCES; i++) {
            borrowerOf.put("crash-adv-" + i, BORROWERS.get(i % BORROWERS.size()));
        }
        return borrowerOf;
    }

    private Map<String, String> makeAdvances(AppProcess app) throws Exception {
        Map<String, String> borrowerOf = new HashMap<>();
        for (int i = 0; i < ADVANCES; i++) {
            String advance = "crash-adv-" + i;
            String borrower = BORROWERS.get(i % BORROWERS.size());
            String body = """
                    {"advanceId":"%s","borrower":"%s","amount":{"amount":"%s","currency":"EUR"},"purpose":"GROCERIES"}"""
                    .formatted(advance, borrower, ADVANCE_EUR.toPlainString());
            HttpResponse<String> made = post(app, "amina", "/advances", advance, body);
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            borrowerOf.put(advance, borrower);
        }
        return borrowerOf;
    }

    /** One round of load, a kill at a random moment in it, and a restart on the same data. */
    private AppProcess loadKillAndRestart(Path home, AppProcess app, Map<String, String> borrowerOf, String[] args)
            throws Exception {
        List<String> advances = new ArrayList<>(borrowerOf.keySet());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < REIMBURSEMENTS_PER_ROUND; i++) {
            String advance = advances.get(random.nextInt(advances.size()));
            Reimbursement reimbursement = new Reimbursement(advance, borrowerOf.get(advance), UUID.randomUUID().toString());
            clients.submit(() -> send(app, reimbursement));
        }
        Thread.sleep(500 + random.nextInt(2_500));
        app.kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).as("every client saw the process end").isTrue();
        return AppProcess.start(home, args);
    }

    private void send(AppProcess app, Reimbursement reimbursement) {
        String body = """
                {"commandId":"%s","amount":{"amount":"%s","currency":"EUR"}}"""
                .formatted(reimbursement.commandId(), REIMBURSEMENT_EUR.toPlainString());
        try {
            HttpResponse<String> answer = post(app, reimbursement.borrower(),
                    "/advances/" + reimbursement.advanceId() + "/reimbursements", reimbursement.commandId(), body);
            if (answer.statusCode() / 100 == 2) {
                acknowledged.add(reimbursement.commandId());
                unanswered.remove(reimbursement.commandId());
            } else if (answer.statusCode() >= 500
                    // A taken id is a 409 too, but a refusal: an answer like any other (below).
                    || answer.statusCode() == 409 && !answer.body().contains("command-id-reused")) {
                notAnAnswer.add(answer.statusCode() + " " + answer.body());
                unanswered.put(reimbursement.commandId(), reimbursement);
                lastOutcome.put(reimbursement.commandId(), answer.statusCode() + " " + answer.body());
            } else {
                // A refusal (e.g. more than is outstanding) is an answer too: nothing to retry.
                unanswered.remove(reimbursement.commandId());
            }
        } catch (IOException | InterruptedException noAnswer) {
            unanswered.put(reimbursement.commandId(), reimbursement);
            lastOutcome.put(reimbursement.commandId(), noAnswer.toString());
        }
    }

    /** Every request without an answer, again with its key, until each has one. */
    private void retryUnanswered(AppProcess app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!unanswered.isEmpty()) {
            assertThat(System.nanoTime()).as(() -> unanswered.size() + " unanswered after retrying for 3 minutes, e.g. "
                            + unanswered.keySet().stream().limit(3).map(id -> id + ": " + lastOutcome.get(id)).toList() + "\n"
                            + app.log().lines().filter(line -> line.contains("ERROR") || line.contains("WARN")).limit(20).toList())
                    .isLessThan(deadline);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (Reimbursement reimbursement : List.copyOf(unanswered.values())) {
                clients.submit(() -> send(app, reimbursement));
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
            if (!unanswered.isEmpty()) {
                Thread.sleep(1_000);
            }
        }
    }

    private void theReadModelsEqualAFreshReplay(Path home, String[] args) throws Exception {
        List<String> command = new ArrayList<>(AppProcess.command(args));
        command.add("--wederkerig.read-models=check");
        command.add("--server.port=0");
        Path log = home.resolve("check.log");
        Process check = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(check.waitFor(5, TimeUnit.MINUTES)).as("the check finishes").isTrue();
        String output = Files.readString(log);
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("no differences");
    }

    private void theStoreHoldsEveryAcknowledgedCommandOnce(Database database, Map<String, String> borrowerOf)
            throws SQLException, IOException {
        Map<String, Integer> stored = new HashMap<>();
        Map<String, Integer> perAdvance = new HashMap<>();
        Map<String, Long> outstandingCents = new HashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT payload FROM domain_event_entry WHERE payload_type = 'nl.wederkerig.core.advances.AdvanceReimbursed'")) {
                while (rows.next()) {
                    JsonNode event = json.readTree(new String(rows.getBytes(1), StandardCharsets.UTF_8));
                    stored.merge(event.path("commandId").asText(), 1, Integer::sum);
                    perAdvance.merge(event.path("advanceId").asText(), 1, Integer::sum);
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT advance_id, outstanding_cents FROM advance_balance WHERE advance_id LIKE 'crash-adv-%'")) {
                while (rows.next()) {
                    outstandingCents.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        long lost = acknowledged.stream().filter(id -> !stored.containsKey(id)).count();
        long duplicated = stored.values().stream().filter(count -> count > 1).count();
        System.out.printf("crash test (%s): acknowledged %d, stored %d, lost %d, duplicated %d%n", database.name(),
                acknowledged.size(), stored.size(), lost, duplicated);
        assertThat(lost).as("acknowledged but not stored").isZero();
        assertThat(duplicated).as("stored twice").isZero();
        assertThat(outstandingCents).hasSize(ADVANCES);
        for (String advance : borrowerOf.keySet()) {
            BigDecimal expected = ADVANCE_EUR.subtract(REIMBURSEMENT_EUR.multiply(BigDecimal.valueOf(perAdvance.getOrDefault(advance, 0))));
            assertThat(outstandingCents.get(advance)).as("outstanding of " + advance)
                    .isEqualTo(expected.movePointRight(2).longValueExact());
        }
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

    /** Where the killed application keeps its data: its own H2 file, or a PostgreSQL database of its own. */
    interface Database {

        static Database forThisRun(Path home) throws SQLException {
            String postgres = System.getProperty("spring.datasource.url", "");
            return postgres.startsWith("jdbc:postgresql:") ? Postgres.create(postgres) : new EmbeddedFile(home);
        }

        String name();

        List<String> arguments();

        Connection connect() throws SQLException;

        void drop() throws SQLException;
    }

    static final class EmbeddedFile implements Database {
        private final Path home;

        EmbeddedFile(Path home) {
            this.home = home;
        }

        @Override
        public String name() {
            return "H2";
        }

        @Override
        public List<String> arguments() {
            return List.of();
        }

        @Override
        public Connection connect() throws SQLException {
            // The application's own default: ./data/wederkerig in its home (application.yml).
            return DriverManager.getConnection("jdbc:h2:file:" + home.resolve("data").resolve("wederkerig").toAbsolutePath(), "sa", "");
        }

        @Override
        public void drop() {
        }
    }

    static final class Postgres implements Database {
        private final String server;
        private final String database;

        private Postgres(String server, String database) {
            this.server = server;
            this.database = database;
        }

        static Postgres create(String testUrl) throws SQLException {
            String server = testUrl.substring(0, testUrl.lastIndexOf('/') + 1);
            String database = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "");
                 Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
            return new Postgres(server, database);
        }

        @Override
        public String name() {
            return "PostgreSQL";
        }

        @Override
        public List<String> arguments() {
            return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + server + database,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=");
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(server + database, "postgres", "");
        }

        @Override
        public void drop() throws SQLException {
            try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "");
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
