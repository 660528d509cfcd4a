package nl.wederkerig.api.logins;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.platform.security.LoginLockout;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.StoredEvents;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.balances.AdvanceBalances;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Browser log-in beside HTTP Basic: the form, the session cookie, CSRF for whatever rides on that
 * cookie, and no session ever for Basic. Pages go through {@link java.net.http} (redirects not
 * followed, cookies by hand, as a browser would send them); API calls through the contract-checked
 * {@link TestRestTemplate}.
 */
@LedgerTest
class WebLoginHttpTest {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern SESSION_COOKIE = Pattern.compile("^JSESSIONID=([^;]+)");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    AdvanceBalances balances;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;

    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** This test's own community (a coordinator who can log in, members registered by the domain). */
    OwnCommunity wijk;
    CommunityId west;
    MemberId amina;
    MemberId bram;

    @BeforeEach
    void setUp() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "login");
        west = wijk.id;
        amina = wijk.member("amina");
        bram = wijk.member("bram");
    }

    // --- the log-in page ---

    @Test
    void theLoginPageIsDutchByDefault() throws Exception {
        HttpResponse<String> page = get("/login", null, Map.of());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"nl\"", "<h1>Inloggen</h1>", "Je wachtwoord", "name=\"viewport\"")
                .doesNotContain("Je naam of je wachtwoord klopt niet");
        assertThat(csrfToken(page)).isNotBlank();
    }

    @Test
    void theLoginPageIsEnglishWhenAskedByParameterOrByTheBrowser() throws Exception {
        HttpResponse<String> chosen = get("/login?lang=en", null, Map.of());
        assertThat(chosen.body()).contains("<html lang=\"en\"", "<h1>Log in</h1>", "Your password");
        // The choice is kept for the next page (after logging in), in a cookie that holds only the language.
        assertThat(setCookies(chosen)).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("wederkerig-lang=en").contains("HttpOnly").contains("SameSite=Lax"));

        HttpResponse<String> asked = get("/login", null, Map.of(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.8"));
        assertThat(asked.body()).contains("<h1>Log in</h1>");

        HttpResponse<String> switchedBack = get("/login?lang=nl", null, Map.of(HttpHeaders.COOKIE, "wederkerig-lang=en"));
        assertThat(switchedBack.body()).contains("<h1>Inloggen</h1>");
    }

    @Test
    void aPageAsksAnUnknownVisitorToLogIn() throws Exception {
        HttpResponse<String> home = get("/", null, Map.of());
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    // --- logging in ---

    @Test
    void formLoginWithTheTokenGivesANewSessionWhoseHomePageShowsTheOwnBalance() throws Exception {
        makeAdvance(amina, bram, "20.00");
        makeAdvance(bram, amina, "7.50");
        await().atMost(Duration.ofSeconds(10)).until(() -> balances.balanceOf(west, amina).pairs().size() == 1);

        HttpResponse<String> form = get("/login", null, Map.of());
        String anonymousSession = session(form).orElseThrow();
        HttpResponse<String> loggedIn = logIn(amina, Neighbours.PASSWORD, anonymousSession, csrfToken(form));

        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
        String session = session(loggedIn).orElseThrow();
        assertThat(session).as("a new session id at log-in (session fixation)").isNotEqualTo(anonymousSession);
        assertThat(setCookies(loggedIn)).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));

        HttpResponse<String> home = get("/", session, Map.of());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<h1>Mijn overzicht</h1>", "Je bent ingelogd als " + amina);
        assertThat(figure(home, "owed-to-me")).isEqualTo("€ 20,00");
        assertThat(figure(home, "i-owe")).isEqualTo("€ 7,50");
        assertThat(figure(home, "net")).isEqualTo("€ 12,50");
        assertThat(figure(home, "open-advances")).isEqualTo("2");
        assertThat(home.body()).contains(bram + " moet mij nog", "(2 voorschotten)", "href=\"/swagger-ui.html\"");
        assertThat(figure(home, "hours-given")).isEqualTo("0 uur");

        HttpResponse<String> english = get("/?lang=en", session, Map.of());
        assertThat(english.body()).contains("<h1>My overview</h1>");
        assertThat(figure(english, "owed-to-me")).isEqualTo("€20.00");
    }

    @Test
    void theHomePageShowsOnlyTheLoggedInNeighboursOwnAffairs() throws Exception {
        makeAdvance(amina, bram, "20.00");
        await().atMost(Duration.ofSeconds(10)).until(() -> balances.balanceOf(west, bram).iOwe().cents() == 2000);

        HttpResponse<String> home = get("/", loggedInSession(bram), Map.of());
        assertThat(figure(home, "owed-to-me")).isEqualTo("€ 0,00");
        assertThat(figure(home, "i-owe")).isEqualTo("€ 20,00");
        assertThat(home.body()).contains("Ik moet " + amina + " nog", "(1 voorschot)");
    }

    @Test
    void aWrongPasswordShowsAPlainMessageAndLogsNobodyIn() throws Exception {
        HttpResponse<String> form = get("/login", null, Map.of());
        String session = session(form).orElseThrow();
        HttpResponse<String> refused = logIn(amina, "wrong-password-1", session, csrfToken(form));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        assertThat(session(refused)).as("no new (logged-in) session").isEmpty();
        assertThat(get("/login?error", session, Map.of()).body())
                .contains("Je naam of je wachtwoord klopt niet. Kijk of je alles goed hebt getypt");
        assertThat(get("/", session, Map.of()).statusCode()).isEqualTo(302);
        assertThat(apiGet("/members/" + amina + "/balance", session).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void tenFailedLogInsLockANameForQuarterOfAnHourForFormAndBasicAlikeAndSayNothingOfWhetherItExists()
            throws Exception {
        MemberId carla = wijk.member("carla");
        String nobody = Neighbours.unique("niemand");
        for (int attempt = 1; attempt <= LoginLockout.MAX_FAILURES; attempt++) {
            assertThat(http.withBasicAuth(carla.value(), "wrong-password-" + attempt)
                    .getForEntity("/api/v1/communities/" + west + "/members/" + carla + "/balance", JsonNode.class)
                    .getStatusCode().value()).isEqualTo(401);
            assertThat(http.withBasicAuth(nobody, "wrong-password-" + attempt)
                    .getForEntity("/api/v1/communities/" + west + "/members/" + nobody + "/balance", JsonNode.class)
                    .getStatusCode().value()).isEqualTo(401);
        }
        // The right password, in any case of the name, now gets the same answer as a name nobody has.
        ResponseEntity<JsonNode> lockedOut = http.withBasicAuth(carla.value().toUpperCase(), Neighbours.PASSWORD)
                .getForEntity("/api/v1/communities/" + west + "/members/" + carla + "/balance", JsonNode.class);
        ResponseEntity<JsonNode> nobodyLocked = http.withBasicAuth(nobody, Neighbours.PASSWORD)
                .getForEntity("/api/v1/communities/" + west + "/members/" + nobody + "/balance", JsonNode.class);
        assertThat(lockedOut.getStatusCode().value()).isEqualTo(429);
        assertThat(lockedOut.getBody().path("code").asText()).isEqualTo("too-many-login-attempts");
        assertThat(lockedOut.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("900");
        assertThat(nobodyLocked.getStatusCode().value()).isEqualTo(429);
        assertThat(nobodyLocked.getBody().path("detail")).isEqualTo(lockedOut.getBody().path("detail"));

        HttpResponse<String> form = get("/login", null, Map.of());
        String session = session(form).orElseThrow();
        HttpResponse<String> refused = post("/login", session, Map.of("username", carla.value(), "password",
                Neighbours.PASSWORD, "_csrf", csrfToken(form)));
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?locked"));
        assertThat(get("/login?locked", session, Map.of()).body()).contains("Wacht 15 minuten");
        // Others are not held up by one name's lock.
        assertThat(http.withBasicAuth(amina.value(), Neighbours.PASSWORD)
                .getForEntity("/api/v1/communities/" + west + "/members/" + amina + "/balance", JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aDemoAccountLogsInOnlyWhileTheDemoIsSwitchedOn() {
        MemberId demo = wijk.member("demo");
        accounts.markDemo(demo.value());

        // This application runs without the demo: the account exists but cannot log in.
        assertThat(http.withBasicAuth(demo.value(), Neighbours.PASSWORD)
                .getForEntity("/api/v1/communities/" + west + "/members/" + demo + "/balance", JsonNode.class)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(accounts.loadUserByUsername(demo.value()).isEnabled()).isFalse();
        assertThat(new LoginStore(jdbc, passwords, true).loadUserByUsername(demo.value()).isEnabled()).isTrue();
    }

    @Test
    void theLoginFormItselfNeedsTheToken() throws Exception {
        HttpResponse<String> form = get("/login", null, Map.of());
        String session = session(form).orElseThrow();

        HttpResponse<String> withoutToken = logIn(amina, Neighbours.PASSWORD, session, null);
        assertThat(withoutToken.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?expired"));
        assertThat(session(withoutToken)).isEmpty();
        assertThat(get("/", session, Map.of()).statusCode()).isEqualTo(302);
        assertThat(get("/login?expired", session, Map.of()).body()).contains("De pagina stond te lang open");
    }

    // --- CSRF on the API for the session cookie, and none for Basic ---

    @Test
    void anApiChangeWithTheSessionCookieButNoTokenIsRefusedAndStoresNothing() throws Exception {
        String session = loggedInSession(amina);
        long before = storedEvents();

        ResponseEntity<JsonNode> refused = apiPost(session, null, null, advance("adv-csrf-" + amina));

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().path("code").asText()).isEqualTo("csrf");
        assertThat(refused.getBody().path("title").asText()).isEqualTo("Deze pagina is verlopen: laad hem opnieuw en probeer het nog eens");
        assertThat(storedEvents()).isEqualTo(before);

        ResponseEntity<JsonNode> wrongToken = apiPost(session, "not-the-token", null, advance("adv-csrf-" + amina));
        assertThat(wrongToken.getStatusCode().value()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anApiChangeWithTheSessionCookieAndItsTokenIsAccepted() throws Exception {
        String session = loggedInSession(amina);
        String token = csrfToken(get("/", session, Map.of()));
        String advanceId = "adv-token-" + amina;

        ResponseEntity<JsonNode> made = apiPost(session, token, null, advance(advanceId));

        assertThat(made.getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, advanceId)).isEqualTo(1);
        // Reading with the session needs no token.
        assertThat(apiGet("/members/" + amina + "/balance", session).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void httpBasicNeedsNoTokenAndNeverGetsASession() {
        String advanceId = "adv-basic-" + amina;
        ResponseEntity<JsonNode> made = apiPost(null, null, amina, advance(advanceId));

        assertThat(made.getStatusCode().value()).isEqualTo(201);
        assertThat(made.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        ResponseEntity<JsonNode> read = http.withBasicAuth(amina.value(), Neighbours.PASSWORD)
                .getForEntity("/api/v1/communities/" + west + "/members/" + amina + "/balance", JsonNode.class);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        ResponseEntity<JsonNode> refused = http.withBasicAuth(amina.value(), "wrong-password-1")
                .getForEntity("/api/v1/communities/" + west + "/members/" + amina + "/balance", JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    }

    @Test
    void theHomePageAlsoOpensWithHttpBasicWithoutMakingASession() throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString(
                (amina + ":" + Neighbours.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> home = get("/", null, Map.of(HttpHeaders.AUTHORIZATION, "Basic " + basic));

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<h1>Mijn overzicht</h1>");
        assertThat(setCookies(home)).isEmpty();
    }

    @Test
    void anUnauthenticatedApiRequestGetsTheProblemNeverARedirectOrASession() throws Exception {
        HttpResponse<String> fromAProgram = get("/api/v1/communities/" + west + "/members/" + amina + "/balance", null, Map.of());
        assertThat(fromAProgram.statusCode()).isEqualTo(401);
        assertThat(fromAProgram.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"wederkerig\"");
        assertThat(fromAProgram.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(fromAProgram.body()).contains("\"code\":\"unauthorized\"");

        // A browser is never asked for Basic: it would remember the password and send it cross-site.
        HttpResponse<String> fromABrowser = get("/api/v1/communities/" + west + "/members/" + amina + "/balance", null,
                Map.of("Sec-Fetch-Mode", "navigate"));
        assertThat(fromABrowser.statusCode()).isEqualTo(401);
        assertThat(fromABrowser.headers().firstValue("WWW-Authenticate")).isEmpty();

        HttpResponse<String> anonymousPost = send(HttpRequest.newBuilder(uri("/api/v1/communities/" + west + "/advances"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(advance("adv-anon-" + amina))).build());
        assertThat(anonymousPost.statusCode()).isEqualTo(401);
        assertThat(anonymousPost.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aSessionEndsWhenItsPasswordChangesOrItsAccountIsDisabled() throws Exception {
        String changed = loggedInSession(amina);
        String disabled = loggedInSession(bram);
        assertThat(get("/", changed, Map.of()).statusCode()).isEqualTo(200);

        jdbc.update("UPDATE account SET password_hash = ? WHERE username = ?",
                passwords.encode("another-password-1"), amina.value());
        jdbc.update("UPDATE account SET enabled = FALSE WHERE username = ?", bram.value());

        assertThat(get("/", changed, Map.of()).statusCode()).isEqualTo(302);
        assertThat(apiGet("/members/" + amina + "/balance", changed).getStatusCode().value()).isEqualTo(401);
        assertThat(get("/", disabled, Map.of()).statusCode()).isEqualTo(302);
    }

    // --- logging out ---

    @Test
    void logoutIsAPostWithTheTokenAndEndsTheSession() throws Exception {
        String session = loggedInSession(amina);
        HttpResponse<String> home = get("/", session, Map.of());

        // A GET never logs out (no state change on GET) ...
        get("/logout", session, Map.of());
        assertThat(get("/", session, Map.of()).statusCode()).isEqualTo(200);
        // ... nor a POST without the token ...
        assertThat(post("/logout", session, Map.of()).headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login?expired"));
        assertThat(get("/", session, Map.of()).statusCode()).isEqualTo(200);

        HttpResponse<String> loggedOut = post("/logout", session, Map.of("_csrf", csrfToken(home)));
        assertThat(loggedOut.statusCode()).isEqualTo(302);
        assertThat(loggedOut.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?logout"));
        assertThat(get("/", session, Map.of()).statusCode()).isEqualTo(302);
        assertThat(apiGet("/members/" + amina + "/balance", session).getStatusCode().value()).isEqualTo(401);
        assertThat(get("/login?logout", null, Map.of()).body()).contains("Je bent uitgelogd");
    }

    // --- helpers ---

    String loggedInSession(MemberId who) throws Exception {
        HttpResponse<String> form = get("/login", null, Map.of());
        HttpResponse<String> loggedIn = logIn(who, Neighbours.PASSWORD, session(form).orElseThrow(), csrfToken(form));
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
        return session(loggedIn).orElseThrow();
    }

    HttpResponse<String> logIn(MemberId who, String password, String session, String token) throws Exception {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("username", who.value());
        fields.put("password", password);
        if (token != null) {
            fields.put("_csrf", token);
        }
        return post("/login", session, fields);
    }

    void makeAdvance(MemberId lender, MemberId borrower, String amount) {
        String json = """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"%s","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(Neighbours.unique("adv"), borrower, amount);
        assertThat(apiPostJson(null, null, lender, json).getStatusCode().value()).isEqualTo(201);
    }

    String advance(String advanceId) {
        return """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"12.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(advanceId, bram);
    }

    ResponseEntity<JsonNode> apiPost(String session, String token, MemberId basic, String json) {
        return apiPostJson(session, token, basic, json);
    }

    ResponseEntity<JsonNode> apiPostJson(String session, String token, MemberId basic, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (session != null) {
            headers.set(HttpHeaders.COOKIE, "JSESSIONID=" + session);
        }
        if (token != null) {
            headers.set("X-CSRF-TOKEN", token);
        }
        TestRestTemplate client = basic == null ? http : http.withBasicAuth(basic.value(), Neighbours.PASSWORD);
        return client.exchange("/api/v1/communities/" + west + "/advances", HttpMethod.POST, new HttpEntity<>(json, headers),
                JsonNode.class);
    }

    ResponseEntity<JsonNode> apiGet(String path, String session) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.COOKIE, "JSESSIONID=" + session);
        return http.exchange("/api/v1/communities/" + west + path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    long storedEvents() {
        return StoredEvents.count(jdbc);
    }

    HttpResponse<String> get(String path, String session, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        headers.forEach((name, value) -> {
            if (name.equals(HttpHeaders.COOKIE) && session != null) {
                throw new IllegalArgumentException("one Cookie header");
            }
            request.header(name, value);
        });
        return send(request.build());
    }

    HttpResponse<String> post(String path, String session, Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static List<String> setCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie");
    }

    /** The session id this response set, if it set one. */
    static Optional<String> session(HttpResponse<String> response) {
        return setCookies(response).stream().map(SESSION_COOKIE::matcher).filter(Matcher::find)
                .map(found -> found.group(1)).filter(id -> !id.isEmpty()).findFirst();
    }

    static String csrfToken(HttpResponse<String> page) {
        Matcher token = CSRF_FIELD.matcher(page.body());
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }

    /** The text of the element with this id, with the no-break space of Dutch amounts as a plain space. */
    static String figure(HttpResponse<String> page, String id) {
        Matcher figure = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page.body());
        assertThat(figure.find()).as("element #" + id).isTrue();
        return figure.group(1).replace('\u00a0', ' ').trim();
    }
}
