package nl.wederkerig.api.support;

import nl.wederkerig.core.shared.MemberId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A neighbour logged in through the log-in form, sending pages' forms the way a browser without
 * JavaScript does: plain form posts with the session cookie and the page's CSRF token, redirects
 * not followed. For the form tests that need many refusals quickly; the browser tests cover the
 * looks, accessibility and the clicks.
 */
public final class PageSession {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern SESSION_COOKIE = Pattern.compile("^JSESSIONID=([^;]+)");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String session;

    private PageSession(String base) {
        this.base = base;
    }

    public static PageSession logIn(int port, MemberId who) {
        PageSession page = new PageSession("http://localhost:" + port);
        HttpResponse<String> form = page.get("/login");
        HttpResponse<String> loggedIn = page.post("/login", csrf(form), Map.of("username", who.value(), "password", Neighbours.PASSWORD));
        assertThat(loggedIn.statusCode()).as("logged in").isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return page;
    }

    public HttpResponse<String> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        return send(request);
    }

    /** A binary answer (an image), with this session's cookie. */
    public HttpResponse<byte[]> getBytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a form with the CSRF token of {@code token}'s page; the fields in the order given. */
    public HttpResponse<String> post(String path, String token, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token);
        String body = all.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a form with a file (multipart/form-data, as a browser sends an upload), with the CSRF token of {@code token}'s page. */
    public HttpResponse<String> postWithFile(String path, String token, Map<String, String> fields, String fileField, byte[] file) {
        String boundary = "----wederkerig" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", token);
        all.putAll(fields);
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"bon.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            newSession(response).ifPresent(id -> session = id);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> newSession(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION_COOKIE::matcher).filter(Matcher::find)
                .map(found -> found.group(1)).filter(id -> !id.isEmpty()).findFirst();
    }

    public static String csrf(HttpResponse<String> page) {
        return hidden(page, "_csrf");
    }

    /** The value of the first hidden field named {@code name} in the page (such as the form's {@code commandId}). */
    public static String hidden(HttpResponse<String> page, String name) {
        Matcher field = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(page.body());
        assertThat(field.find()).as("a field " + name + " in the page").isTrue();
        return field.group(1);
    }

    /** The message shown beside a field ({@code <p id="<field>-error">}), or null when there is none. */
    public static String fieldError(HttpResponse<String> page, String field) {
        Matcher error = Pattern.compile("id=\"" + Pattern.quote(field) + "-error\"[^>]*>([^<]*)<").matcher(page.body());
        return error.find() ? error.group(1).trim() : null;
    }

    /** The message above the form ({@code #form-error}), or null. */
    public static String formError(HttpResponse<String> page) {
        Matcher error = Pattern.compile("id=\"form-error\"[^>]*>([^<]*)<").matcher(page.body());
        return error.find() ? error.group(1).trim() : null;
    }
}
