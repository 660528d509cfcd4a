package nl.wederkerig.benchmarks;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;

/**
 * The same pairs of commands through the HTTP API, as a client would send them: JSON over
 * keep-alive HTTP/1.1 connections with HTTP Basic credentials on every request (the API keeps no
 * session). Each thread has its own client, lender and borrower accounts.
 */
final class HttpCommands {

    private static final String PASSWORD = "bench-password-1";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Most client threads one measurement uses; accounts are registered for each up front. */
    private static final int MAX_THREADS = 64;

    private final LoginStore accounts;
    private final CommandGateway gateway;
    private final LocalDate today;
    private final String base;
    /** Each request's time in the last measurement's timed part, per thread (warm-up left out). */
    private long[][] requestNanos = new long[0][];
    private int firstTimed;

    HttpCommands(LoginStore accounts, CommandGateway gateway, LocalDate today, int port) {
        this.accounts = accounts;
        this.gateway = gateway;
        this.today = today;
        this.base = "http://127.0.0.1:" + port + "/api/v1/communities/" + GatewayCommands.COMMUNITY;
    }

    /** @param run distinguishes accounts and ids of separate measurements in one book */
    double commandsPerSecond(String run, int threads, int pairs) throws Exception {
        if (threads > MAX_THREADS) {
            throw new IllegalArgumentException("at most " + MAX_THREADS + " client threads");
        }
        HttpClient[] clients = new HttpClient[threads];
        for (int thread = 0; thread < threads; thread++) {
            register(lender(run, thread));
            register(borrower(run, thread));
            clients[thread] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(REQUEST_TIMEOUT).build();
        }
        int warmup = JdbcCeiling.warmup(pairs, threads);
        firstTimed = warmup;
        requestNanos = new long[threads][2 * (Load.timedOperations(threads, pairs) / threads)];
        double pairsPerSecond = Load.operationsPerSecond(threads, pairs, warmup,
                (thread, index) -> makeAndReimburse(clients[thread], run, thread, index));
        return 2 * pairsPerSecond;
    }

    /** p50 and p99 of single requests (each one command) in the last measurement's timed part. */
    Latency.Percentiles lastLatency() {
        long[] all = java.util.Arrays.stream(requestNanos).flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        return new Latency.Percentiles(Latency.percentile(all, 50) / 1e6, Latency.percentile(all, 99) / 1e6);
    }

    private void makeAndReimburse(HttpClient client, String run, int thread, int index) throws Exception {
        String lender = lender(run, thread);
        String borrower = borrower(run, thread);
        String advance = run + "-t" + thread + "-" + index;
        long start = System.nanoTime();
        post(client, lender, "/advances", """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"50.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(advance, borrower), 201);
        long made = System.nanoTime();
        post(client, borrower, "/advances/" + advance + "/reimbursements", """
                {"commandId":"r-1","amount":{"amount":"50.00","currency":"EUR"}}""", 201);
        long reimbursed = System.nanoTime();
        if (index >= firstTimed) {
            int slot = 2 * (index - firstTimed);
            requestNanos[thread][slot] = made - start;
            requestNanos[thread][slot + 1] = reimbursed - made;
        }
    }

    private void post(HttpClient client, String username, String path, String json, int expectedStatus) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** A login, and a member of the community: an advance names only members. */
    private void register(String username) {
        if (!accounts.exists(username)) {
            accounts.register(username, PASSWORD, GatewayCommands.COMMUNITY, MemberId.of(username));
        }
        GatewayCommands.registered(gateway, today, MemberId.of(username));
    }

    private static String lender(String run, int thread) {
        return run + "-lender-" + thread;
    }

    private static String borrower(String run, int thread) {
        return run + "-borrower-" + thread;
    }
}
