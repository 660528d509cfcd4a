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
        double pairsPerSecond = Load.operationsPerSecond(threads, pairs, JdbcCeiling.warmup(pairs, threads),
                (thread, index) -> makeAndReimburse(clients[thread], run, thread, index));
        return 2 * pairsPerSecond;
    }

    private void makeAndReimburse(HttpClient client, String run, int thread, int index) throws Exception {
        String lender = lender(run, thread);
        String borrower = borrower(run, thread);
        String advance = run + "-t" + thread + "-" + index;
        post(client, lender, "/advances", """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"50.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(advance, borrower), 201);
        post(client, borrower, "/advances/" + advance + "/reimbursements", """
                {"commandId":"r-1","amount":{"amount":"50.00","currency":"EUR"}}""", 201);
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
