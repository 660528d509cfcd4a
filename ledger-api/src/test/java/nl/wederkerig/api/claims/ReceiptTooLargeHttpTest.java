package nl.wederkerig.api.claims;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.PageSession;
import nl.wederkerig.core.shared.InitiativeId;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static nl.wederkerig.api.support.PageSession.csrf;
import static nl.wederkerig.api.support.PageSession.hidden;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A photo over the upload limit (5 MB) sent from the claims page sends the person back to the form with
 * a plain Dutch message beside the file field, nothing stored (not a "log in again"); the API keeps answering 413 with a problem detail.
 */
@LedgerTest
class ReceiptTooLargeHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    static byte[] overLimit() {
        byte[] photo = new byte[ReceiptScans.MAX_UPLOAD_BYTES + 1024];
        Arrays.fill(photo, (byte) 0x55);
        photo[0] = (byte) 0xFF;
        photo[1] = (byte) 0xD8;
        photo[2] = (byte) 0xFF;
        return photo;
    }

    long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM claim_receipt", Long.class);
    }

    @Test
    void aTooLargePhotoFromThePageComesBackToTheFormWithADutchMessage() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "groot");
        MemberId vera = wijk.member("vera");
        InitiativeId initiative = wijk.initiative("aanschuiven");
        wijk.treasurer(wijk.member("tessa"), initiative);
        long before = rows();
        PageSession veras = PageSession.logIn(port, vera);
        HttpResponse<String> form = veras.get("/claims");
        String commandId = hidden(form, "commandId");

        HttpResponse<String> answer = veras.postWithFile("/claims", csrf(form), Map.of("commandId", commandId,
                "initiative", initiative.value(), "amount", "12,50", "category", "MATERIALS"), "receipt", overLimit());

        // None of the form's fields arrived (the server stopped reading at the limit): back to the form.
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/claims?upload=too-large");
        HttpResponse<String> back = veras.get("/claims?upload=too-large");
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(PageSession.fieldError(back, "receipt")).isEqualTo("Deze foto is te groot. Een foto mag hoogstens 5 MB zijn. "
                + "Maak de foto kleiner of kies een andere.");
        assertThat(back.body()).contains("name=\"amount\"", "aria-invalid=\"true\"");
        assertThat(rows()).isEqualTo(before);
        assertThat(wijk.events(commandId)).isZero();
    }

    @Test
    void theApiKeepsItsProblemDetail() throws Exception {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "grootapi");
        MemberId vera = wijk.member("vera");
        InitiativeId initiative = wijk.initiative("aanschuiven");
        String boundary = "----api" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"claim\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"claimId\":\"claim-big\",\"amount\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},\"category\":\"MATERIALS\"}\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"receipt\"; filename=\"bon.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(overLimit());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String login = Base64.getEncoder().encodeToString((vera.value() + ":" + Neighbours.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/communities/" + wijk.id + "/initiatives/" + initiative + "/claims"))
                .header("Authorization", "Basic " + login).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
