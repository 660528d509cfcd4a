package nl.wederkerig.api.platform.security;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hardening headers on every kind of answer, over real HTTP: a page, an API answer, an error
 * and a static file; and the session cookie marked Secure when the request reached the reverse
 * proxy over https (X-Forwarded-Proto), and only then.
 */
@LedgerTest
class SecurityHeadersHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyKindOfAnswerCarriesTheHeaders() throws Exception {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "headers");
        MemberId amina = wijk.member("amina");
        String basic = "Basic " + Base64.getEncoder().encodeToString((amina + ":" + Neighbours.PASSWORD).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> page = get("/login");
        HttpResponse<String> api = get("/api/v1/communities/" + wijk.id + "/members/" + amina + "/balance",
                "Authorization", basic);
        HttpResponse<String> error = get("/api/v1/communities/" + wijk.id + "/nothing-here", "Authorization", basic);
        HttpResponse<String> refused = get("/api/v1/communities/" + wijk.id + "/members/" + amina + "/balance");
        HttpResponse<String> stylesheet = get("/css/wederkerig.css");

        assertThat(List.of(page.statusCode(), api.statusCode(), error.statusCode(), refused.statusCode(), stylesheet.statusCode()))
                .containsExactly(200, 200, 404, 401, 200);
        for (HttpResponse<String> answer : List.of(page, api, error, refused, stylesheet)) {
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(answer.uri().toString())
                    .hasValueSatisfying(policy -> assertThat(policy)
                            .contains("frame-ancestors 'none'", "script-src 'self'", "default-src 'self'")
                            .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(answer.uri().toString()).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(answer.uri().toString()).hasValue("same-origin");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(answer.uri().toString()).hasValue("DENY");
        }
    }

    @Test
    void theSessionCookieIsSecureWhenTheProxySaysTheRequestCameOverHttps() throws Exception {
        HttpResponse<String> viaTls = get("/login", "X-Forwarded-Proto", "https");
        HttpResponse<String> plain = get("/login");

        assertThat(sessionCookie(viaTls)).contains("Secure").contains("HttpOnly");
        assertThat(viaTls.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(sessionCookie(plain)).doesNotContain("Secure").contains("HttpOnly");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
