package nl.wederkerig.benchmarks;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.benchmarks.Latency.Percentiles;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.balances.AdvanceBalances;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Issue 11: an outsider asking about someone else's advance must get exactly what an id nobody
 * used gets, in the same timing class. A neighbour of the community with no part in any advance
 * asks, over HTTP as a client would, about advances that exist (between others) and about ids
 * that were never used, in turn (so a slower moment of the shared machine falls on both alike):
 * once by reading ({@code GET …/advances/{id}}: a read-model look-up, then the party check) and
 * once by acting ({@code POST …/advances/{id}/acknowledgement}: the advance's stream is loaded,
 * then the party check). Every answer must be a 404; the existing-record figures are reported
 * against the unknown-id ones, measured in the same loop, as a ratio.
 */
final class OutsiderLookups {

    private static final String PASSWORD = "bench-password-1";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Someone else's advances asked about: spread over borrowers, as one borrower may have at most 50 open. */
    private static final int BORROWERS = 10;
    private static final int ADVANCES_PER_BORROWER = 20;
    /** Most timed requests per probe and kind of id, whatever the run's size. */
    static final int MAX_REQUESTS = 2_000;

    /** p50 and p99 in ms for someone else's record and for an unknown id, measured in one loop. */
    record Figures(Percentiles existing, Percentiles unknown) {
    }

    private final LoginStore accounts;
    private final CommandGateway gateway;
    private final AdvanceBalances balances;
    private final LocalDate today;
    private final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT).build();
    private final List<String> advances = new ArrayList<>();
    private final String outsider = "lookup-outsider";

    OutsiderLookups(LoginStore accounts, CommandGateway gateway, AdvanceBalances balances, LocalDate today, int port) {
        this.accounts = accounts;
        this.gateway = gateway;
        this.balances = balances;
        this.today = today;
        this.base = "http://127.0.0.1:" + port + "/api/v1/communities/" + GatewayCommands.COMMUNITY;
    }

    /** Someone else's advances, known to the read model, and an outsider with a login; not timed. */
    OutsiderLookups prepared() throws InterruptedException {
        GatewayCommands.founded(gateway, today);
        MemberId lender = MemberId.of("lookup-lender");
        GatewayCommands.registered(gateway, today, lender);
        if (!accounts.exists(outsider)) {
            accounts.register(outsider, PASSWORD, GatewayCommands.COMMUNITY, MemberId.of(outsider));
        }
        GatewayCommands.registered(gateway, today, MemberId.of(outsider));
        for (int b = 0; b < BORROWERS; b++) {
            MemberId borrower = MemberId.of("lookup-borrower-" + b);
            GatewayCommands.registered(gateway, today, borrower);
            for (int a = 0; a < ADVANCES_PER_BORROWER; a++) {
                AdvanceId advance = AdvanceId.of("lookup-" + b + "-" + a);
                gateway.sendAndWait(new MakeAdvance(advance, GatewayCommands.COMMUNITY, lender, borrower, Money.eur("10.00"),
                        Purpose.GROCERIES, today, lender));
                advances.add(advance.value());
            }
        }
        AdvanceId last = AdvanceId.of(advances.get(advances.size() - 1));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (balances.advance(GatewayCommands.COMMUNITY, last).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the balances read model did not catch up with " + last);
            }
            Thread.sleep(20);
        }
        return this;
    }

    /** The outsider reads an advance: {@code GET …/advances/{id}}. */
    Figures reading(int requests) throws Exception {
        return measure(requests, id -> get("/advances/" + id));
    }

    /** The outsider acts on an advance: {@code POST …/advances/{id}/acknowledgement}. */
    Figures acting(int requests) throws Exception {
        return measure(requests, id -> post("/advances/" + id + "/acknowledgement", "{\"commandId\":\"ack-" + id + "\"}"));
    }

    private interface Probe {
        HttpResponse<String> ask(String id) throws Exception;
    }

    private Figures measure(int requests, Probe probe) throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < Math.max(10, requests / 10); i++) {
            timed(probe, existing(random));
            timed(probe, unknown(random));
        }
        long[] existing = new long[requests];
        long[] unknown = new long[requests];
        for (int i = 0; i < requests; i++) {
            // In turn, and which goes first alternates: neither kind gets the warmer moment.
            if (i % 2 == 0) {
                existing[i] = timed(probe, existing(random));
                unknown[i] = timed(probe, unknown(random));
            } else {
                unknown[i] = timed(probe, unknown(random));
                existing[i] = timed(probe, existing(random));
            }
        }
        return new Figures(percentiles(existing), percentiles(unknown));
    }

    private String existing(Random random) {
        return advances.get(random.nextInt(advances.size()));
    }

    private static String unknown(Random random) {
        return "lookup-none-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
    }

    private static long timed(Probe probe, String id) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = probe.ask(id);
        long nanos = System.nanoTime() - start;
        if (answer.statusCode() != 404) {
            throw new IllegalStateException("the outsider asked about " + id + " and got " + answer.statusCode() + ": " + answer.body());
        }
        return nanos;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return client.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        String credentials = Base64.getEncoder().encodeToString((outsider + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + credentials);
    }

    private static Percentiles percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(Latency.percentile(sorted, 50) / 1e6, Latency.percentile(sorted, 99) / 1e6);
    }
}
