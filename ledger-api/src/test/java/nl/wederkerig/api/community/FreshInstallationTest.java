package nl.wederkerig.api.community;

import nl.wederkerig.api.support.EngineNeutral;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.wederkerig.api.support.AppProcess;
import nl.wederkerig.api.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A wijk starts on its own, on a fresh installation run as its users run it (a process of its own
 * on an empty data directory): the one-time setup token, founding over HTTP and in a browser, the
 * system administrator founding a second wijk, and the neighbour who sets her own password with
 * the invitation the coordinator printed.
 */
@EngineNeutral
class FreshInstallationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theSetupTokenFoundsTheFirstWijkOnceAndThenSetupIsGone(@TempDir Path home) throws Exception {
        try (AppProcess app = AppProcess.start(home)) {
            Path tokenFile = app.dataDirectory().resolve("setup-token");
            assertThat(tokenFile).exists();
            assertThat(Files.getPosixFilePermissions(tokenFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            String token = Files.readString(tokenFile).strip();
            assertThat(app.log()).contains(tokenFile.toString()).doesNotContain(token);
            // Nobody can log in, or use the API, before a wijk is founded.
            assertThat(get(app, "/api/v1/communities/west/members/femke/balance", "femke", "femke-wachtwoord-1").statusCode())
                    .isEqualTo(401);
            assertThat(get(app, "/setup", null, null).statusCode()).isEqualTo(200);

            HttpResponse<String> wrong = post(app, "/api/v1/setup", null, founding("0".repeat(40), "west", "femke"));
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(wrong.body()).path("code").asText()).isEqualTo("forbidden");
            HttpResponse<String> shortPassword = post(app, "/api/v1/setup", null,
                    founding(token, "west", "femke").replace("femke-wachtwoord-1", "kort"));
            assertThat(JSON.readTree(shortPassword.body()).path("code").asText()).isEqualTo("password-too-short");
            // Refused attempts stored nothing: the coordinator of the first one cannot log in, the token still works.
            assertThat(get(app, "/api/v1/communities/west/members/femke/balance", "femke", "femke-wachtwoord-1").statusCode())
                    .isEqualTo(401);
            assertThat(tokenFile).exists();

            HttpResponse<String> founded = post(app, "/api/v1/setup", null, founding(token, "west", "femke"));
            assertThat(founded.statusCode()).isEqualTo(201);
            assertThat(founded.headers().firstValue("Location")).hasValue("/api/v1/communities/west");
            assertThat(tokenFile).doesNotExist();
            assertThat(get(app, "/api/v1/communities/west/members/femke/balance", "FEMKE", "femke-wachtwoord-1").statusCode())
                    .isEqualTo(200);
            // The Location answers the new coordinator (once the read model has her).
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    get(app, "/api/v1/communities/west", "femke", "femke-wachtwoord-1").statusCode() == 200);
            assertThat(JSON.readTree(get(app, "/api/v1/communities/west", "femke", "femke-wachtwoord-1").body())
                    .path("coordinators").toString()).isEqualTo("[\"femke\"]");

            // The used token, or any other, finds nothing to set up any more.
            assertThat(post(app, "/api/v1/setup", null, founding(token, "oost", "gert")).statusCode()).isEqualTo(404);
            assertThat(get(app, "/setup", null, null).statusCode()).isEqualTo(404);

            // The first coordinator administers the installation: she founds a second wijk for its own coordinator.
            HttpResponse<String> second = post(app, "/api/v1/communities", basic("femke", "femke-wachtwoord-1"), """
                    {"communityId":"oost","name":"Oost","coordinator":"gert"}""");
            assertThat(second.statusCode()).isEqualTo(201);
            assertThat(second.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            // Its Location answers the administrator who founded it, though she is no member of it.
            assertThat(second.headers().firstValue("Location")).hasValue("/api/v1/communities/oost");
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    get(app, "/api/v1/communities/oost", "femke", "femke-wachtwoord-1").statusCode() == 200);
            String invitation = JSON.readTree(second.body()).path("invitation").path("code").asText();
            HttpResponse<String> redeemed = post(app, "/api/v1/invitations/redemption", null, """
                    {"code":"%s","password":"gerts-eigen-wachtwoord"}""".formatted(invitation));
            assertThat(redeemed.statusCode()).isEqualTo(200);
            assertThat(get(app, "/api/v1/communities/oost/members/gert/balance", "gert", "gerts-eigen-wachtwoord").statusCode())
                    .isEqualTo(200);
            // Gert coordinates Oost, but is no administrator of the installation; nor is Femke a member of Oost.
            assertThat(post(app, "/api/v1/communities", basic("gert", "gerts-eigen-wachtwoord"), """
                    {"communityId":"noord","name":"Noord","coordinator":"henk"}""").statusCode()).isEqualTo(403);
            assertThat(get(app, "/api/v1/communities/oost/members/gert/balance", "femke", "femke-wachtwoord-1").statusCode())
                    .isEqualTo(403);
            // Taken ids, and names that cannot be, are refused with a problem.
            assertThat(JSON.readTree(post(app, "/api/v1/communities", basic("femke", "femke-wachtwoord-1"), """
                    {"communityId":"oost","name":"Oost","coordinator":"ingrid"}""").body()).path("code").asText())
                    .isEqualTo("community-id-taken");
            assertThat(post(app, "/api/v1/communities", basic("femke", "femke-wachtwoord-1"), """
                    {"communityId":"Noord!","name":"Noord","coordinator":"ingrid"}""").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aPersonFoundsTheWijkInTheBrowserAndInvitesANeighbourWhoChoosesHerOwnPassword(@TempDir Path home)
            throws Exception {
        try (AppProcess app = AppProcess.start(home); Browser browser = Browser.open(app.base())) {
            String token = Files.readString(app.dataDirectory().resolve("setup-token")).strip();

            browser.go("/setup");
            assertThat(browser.heading()).isEqualTo("Een wijk beginnen");
            browser.check("setup");
            browser.type("token", "niet-de-goede-code");
            browser.type("name", "Rotterdam West");
            browser.type("communityId", "rotterdam-west");
            browser.type("coordinator", "femke");
            browser.type("password", "femke-wachtwoord-1");
            browser.type("repeat", "femke-wachtwoord-1");
            browser.click("found");
            assertThat(browser.text("token-error")).contains("niet goed");
            browser.check("setup-errors");
            // What was typed stays, but for the secrets.
            assertThat(browser.find("name").getAttribute("value")).isEqualTo("Rotterdam West");
            assertThat(browser.find("password").getAttribute("value")).isEmpty();

            browser.type("token", token);
            browser.type("password", "femke-wachtwoord-1");
            browser.type("repeat", "femke-wachtwoord-2");
            browser.click("found");
            assertThat(browser.text("repeat-error")).contains("niet hetzelfde");

            browser.type("token", token);
            browser.type("password", "femke-wachtwoord-1");
            browser.type("repeat", "femke-wachtwoord-1");
            browser.click("found");
            assertThat(browser.text("founded")).contains("De wijk is begonnen");
            browser.check("login-after-founding");
            browser.type("username", "femke");
            browser.type("password", "femke-wachtwoord-1");
            browser.click("log-in");
            // The first coordinator lands on the coordinator's pages.
            browser.find("to-members");

            browser.go("/coordinator/members");
            browser.check("coordinator-members");
            browser.type("memberId", "Lotte");
            browser.click("register");
            String code = browser.text("invitation-code");
            assertThat(code).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
            browser.check("invitation-letter");
            browser.go("/");
            browser.click("log-out");
            browser.find("logged-out");

            browser.go("/invitation");
            browser.check("invitation");
            browser.type("code", code.toLowerCase());
            browser.type("password", "kort");
            browser.type("repeat", "kort");
            browser.click("choose");
            assertThat(browser.text("password-error")).contains("te kort");
            browser.check("invitation-errors");
            browser.type("password", "lottes-eigen-wachtwoord");
            browser.type("repeat", "lottes-eigen-wachtwoord");
            browser.click("choose");
            assertThat(browser.text("welcome")).contains("Je wachtwoord is opgeslagen");
            assertThat(browser.find("username").getAttribute("value")).isEqualTo("lotte");
            browser.type("password", "lottes-eigen-wachtwoord");
            browser.click("log-in");
            assertThat(browser.text("who")).contains("lotte");

            // Mijn account: a new password needs the current one; afterwards she logs in with the new one.
            browser.go("/account");
            browser.check("account");
            browser.type("current", "niet-mijn-wachtwoord");
            browser.type("password", "een-nieuw-wachtwoord");
            browser.type("repeat", "een-nieuw-wachtwoord");
            browser.click("change-password");
            assertThat(browser.text("current-error")).contains("klopt niet");
            browser.type("current", "lottes-eigen-wachtwoord");
            browser.type("password", "een-nieuw-wachtwoord");
            browser.type("repeat", "een-nieuw-wachtwoord");
            browser.click("change-password");
            assertThat(browser.text("changed")).contains("veranderd");
            assertThat(get(app, "/api/v1/communities/rotterdam-west/members/lotte/balance", "lotte", "een-nieuw-wachtwoord")
                    .statusCode()).isEqualTo(200);
            assertThat(get(app, "/api/v1/communities/rotterdam-west/members/lotte/balance", "lotte", "lottes-eigen-wachtwoord")
                    .statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aScriptedInstallFoundsTheWijkWithThePasswordFromStandardInput(@TempDir Path home) throws Exception {
        Process founding = new ProcessBuilder(AppProcess.command("--wederkerig.found=spangen",
                "--wederkerig.found-name=Spangen", "--wederkerig.found-coordinator=mo", "--wederkerig.password-file=-",
                "--server.port=0"))
                .directory(home.toFile()).redirectErrorStream(true).start();
        founding.getOutputStream().write("mo-zijn-wachtwoord\n".getBytes(StandardCharsets.UTF_8));
        founding.getOutputStream().close();
        String output = new String(founding.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(founding.waitFor()).as(output).isZero();
        assertThat(output).contains("Founded spangen").doesNotContain("mo-zijn-wachtwoord");

        try (AppProcess app = AppProcess.start(home)) {
            assertThat(app.dataDirectory().resolve("setup-token")).doesNotExist();
            assertThat(get(app, "/setup", null, null).statusCode()).isEqualTo(404);
            assertThat(get(app, "/api/v1/communities/spangen/members/mo/balance", "mo", "mo-zijn-wachtwoord").statusCode())
                    .isEqualTo(200);
        }
    }

    static String founding(String token, String community, String coordinator) {
        return """
                {"token":"%s","communityId":"%s","name":"Wijk %s","coordinator":"%s","password":"%s-wachtwoord-1"}"""
                .formatted(token, community, community, coordinator, coordinator);
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(AppProcess app, String path, String username, String password) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.base() + path));
        if (username != null) {
            request.header("Authorization", basic(username, password));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(AppProcess app, String path, String authorization, String json) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.base() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
