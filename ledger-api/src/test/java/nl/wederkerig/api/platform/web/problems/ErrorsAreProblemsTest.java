package nl.wederkerig.api.platform.web.problems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error the application or its server emits is a problem detail with a stable type and
 * code, Dutch by default and English on request, in title and detail alike: whether the
 * application, Spring, the security firewall or Tomcat itself refuses. Requests are written to
 * the socket byte for byte, so no client library tidies an address up first.
 */
@LedgerTest
class ErrorsAreProblemsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    LoginStore logins;
    @Autowired
    JdbcTemplate jdbc;

    record Answer(int status, String contentType, JsonNode body) {
    }

    @Test
    void everyKindOfRefusalIsAProblemInDutchAndInEnglish() throws Exception {
        // Logged in: an unknown address is then "not found" (to someone not logged in, everything is "log in first").
        OwnCommunity wijk = OwnCommunity.found(commands, logins, jdbc, "fouten");
        MemberId member = wijk.member("fien");
        String balance = "/api/v1/communities/" + wijk.id + "/members/" + member + "/balance";
        String login = "Authorization: Basic " + Base64.getEncoder().encodeToString((member + ":" + Neighbours.PASSWORD)
                .getBytes(StandardCharsets.UTF_8)) + "\r\n";
        record Case(String name, String request, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case("unknown address", "GET /api/v1/nothing-here HTTP/1.1", 404, "not-found"),
                new Case("unknown page", "GET /geen-pagina HTTP/1.1", 404, "not-found"),
                new Case("trailing slash", "GET " + balance + "/ HTTP/1.1", 404, "not-found"),
                new Case("/error asked for directly", "GET /error HTTP/1.1", 404, "not-found"),
                new Case("dot-dot", "GET /api/v1/communities/../setup HTTP/1.1", 400, "address-not-allowed"),
                new Case("semicolon", "GET /api/v1/communities;x=1/west HTTP/1.1", 400, "address-not-allowed"),
                new Case("double slash", "GET /api/v1//communities HTTP/1.1", 400, "address-not-allowed"),
                new Case("encoded slash", "GET /api/v1/communities/a%2Fb/journal.csv HTTP/1.1", 400, "address-not-allowed"),
                new Case("not even a valid address", "GET /api/v1/{x} HTTP/1.1", 400, "bad-request"),
                new Case("wrong media type", "POST /api/v1/account/password HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi",
                        415, "unsupported-media-type"),
                new Case("wrong method", "DELETE /api/v1/setup HTTP/1.1", 405, "method-not-allowed"),
                new Case("not logged in", "GET /api/v1/communities/west/journal.csv HTTP/1.1", 401, "unauthorized"));
        for (Case c : cases) {
            // A request line Tomcat cannot even parse has no headers it could read: it is answered in Dutch.
            boolean headersRead = !c.name().equals("not even a valid address");
            for (String language : headersRead ? List.of("nl", "en") : List.of("nl")) {
                String request = c.code().equals("unauthorized") ? c.request() : withHeader(c.request(), login);
                Answer answer = send(request, language);
                assertThat(answer.status()).as(c.name()).isEqualTo(c.status());
                assertThat(answer.contentType()).as(c.name()).startsWith("application/problem+json");
                assertThat(answer.body().path("type").asText()).as(c.name())
                        .isEqualTo("https://wederkerig.nl/problems/" + c.code());
                assertThat(answer.body().path("code").asText()).as(c.name()).isEqualTo(c.code());
                assertThat(answer.body().path("title").asText()).as(c.name())
                        .isEqualTo(ProblemTitles.title(c.code(), Locale.forLanguageTag(language)));
                String detail = answer.body().path("detail").asText();
                assertThat(detail).as(c.name()).isNotBlank().doesNotContain("Exception").doesNotContain("org.");
                if (language.equals("en")) {
                    assertThat(detail).as(c.name()).isNotEqualTo(send(request, "nl").body().path("detail").asText());
                }
            }
        }
    }

    /** The request with one more header line after its request line. */
    private static String withHeader(String request, String header) {
        int end = request.indexOf("\r\n");
        return end < 0 ? request + "\r\n" + header : request.substring(0, end + 2) + header + request.substring(end + 2);
    }

    /**
     * Sends {@code request}: a request line, then optionally header lines (each ending in CRLF), a
     * blank line and a body. Host, language and Connection: close are added after the request line.
     */
    private Answer send(String request, String language) throws IOException {
        String extra = "Host: localhost\r\nAccept-Language: " + language + "\r\nConnection: close\r\n";
        String withExtra = withHeader(request, extra);
        String full = withExtra.contains("\r\n\r\n") ? withExtra : withExtra + "\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(full.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String raw = bytes.toString(StandardCharsets.UTF_8);
            assertThat(raw).as("an answer to " + request).startsWith("HTTP/1.1 ");
            int status = Integer.parseInt(raw.substring(9, 12));
            String headers = raw.substring(0, raw.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
            String contentType = headers.lines().filter(line -> line.startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).trim()).findFirst().orElse("");
            String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            if (headers.contains("transfer-encoding: chunked")) {
                body = unchunked(body);
            }
            return new Answer(status, contentType, body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
        }
    }

    private static String unchunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
