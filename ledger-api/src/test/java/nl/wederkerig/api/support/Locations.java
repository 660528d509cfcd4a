package nl.wederkerig.api.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every {@code Location} a creating request answers with points at something the asker can read:
 * each 201 of every HTTP test is followed here, with the asker's own credentials, and must answer
 * 200. Read models follow the events within moments, so the look-up is retried for a while.
 */
public final class Locations {

    /** How long a read model may take to show what was just created. */
    static final Duration CATCH_UP = Duration.ofSeconds(15);

    /** How many locations were followed, for tests that check this check ran. */
    private static final AtomicInteger FOLLOWED = new AtomicInteger();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Locations() {
    }

    public static int followed() {
        return FOLLOWED.get();
    }

    static void requireAnswered(HttpRequest request, ClientHttpResponse response) throws IOException {
        URI location = response.getHeaders().getLocation();
        String credentials = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (request.getMethod() != HttpMethod.POST || response.getStatusCode().value() != 201 || location == null
                || credentials == null) {
            // Not a creation, or one made without a login (the setup token): FreshInstallationTest follows that one.
            return;
        }
        URI target = request.getURI().resolve(location);
        int status = 0;
        String body = "";
        Instant deadline = Instant.now().plus(CATCH_UP);
        do {
            HttpResponse<String> answer = get(target, credentials);
            status = answer.statusCode();
            body = answer.body();
            if (status == 200) {
                FOLLOWED.incrementAndGet();
                return;
            }
            pause();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Location " + location + " of " + request.getMethod() + " " + request.getURI().getPath()
                + " answers the asker " + status + ": " + body);
    }

    private static HttpResponse<String> get(URI target, String credentials) throws IOException {
        try {
            return CLIENT.send(java.net.http.HttpRequest.newBuilder(target).GET()
                            .header(HttpHeaders.AUTHORIZATION, credentials)
                            .header(HttpHeaders.ACCEPT, "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
