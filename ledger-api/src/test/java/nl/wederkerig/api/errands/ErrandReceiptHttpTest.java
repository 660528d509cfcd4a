package nl.wederkerig.api.errands;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.PageSession;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static nl.wederkerig.api.support.Api.answer;
import static nl.wederkerig.api.support.PageSession.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An errand's spending reported with a photo or PDF of the receipt, from the API and from the page:
 * kept sealed beside the events (never in one), seen by the errand's two parties only, refused
 * files store nothing.
 */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrandReceiptHttpTest {

    static final String MARKER = "BON-MARKER-ALBERT-HEIJN-77";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    OwnCommunity wijk;
    Api api;
    MemberId asker;
    MemberId helper;
    MemberId outsider;
    String errandId;

    @BeforeAll
    void community() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "errand-receipts");
        api = new Api(http, wijk.id);
    }

    @BeforeEach
    void setUp() {
        asker = wijk.member("dirk");
        helper = wijk.member("cees");
        outsider = wijk.member("eva");
        errandId = Neighbours.unique("errand");
        assertThat(answer(api.post(asker, "/errands", """
                {"errandId":"%s","asker":"%s","helper":"%s","entrusted":{"amount":"50.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(errandId, asker, helper)))).isEqualTo("201");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(asker, "/errands/" + errandId).getStatusCode().value() == 200);
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (" + MARKER + ") Tj ET\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] photo() {
        BufferedImage image = new BufferedImage(320, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 480);
        g.setColor(Color.BLACK);
        g.drawString("TOTAAL 43,20", 40, 400);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] html() {
        return "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    }

    ResponseEntity<JsonNode> report(MemberId as, String errand, String amount, List<byte[]> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("spending", new HttpEntity<>("""
                {"commandId":"spent-1","spent":{"amount":"%s","currency":"EUR"}}""".formatted(amount), json));
        for (byte[] file : files) {
            HttpHeaders image = new HttpHeaders();
            image.setContentType(MediaType.IMAGE_JPEG); // the declared type is never believed
            parts.add("receipt", new HttpEntity<>(new ByteArrayResource(file) {
                @Override
                public String getFilename() {
                    return "bon.jpg";
                }
            }, image));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).exchange("/api/v1/communities/" + wijk.id + "/errands/" + errand
                + "/spending", HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    ResponseEntity<byte[]> receipt(MemberId as, String errand, String number) {
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).exchange("/api/v1/communities/" + wijk.id + "/errands/" + errand
                + "/receipts/" + number, HttpMethod.GET, null, byte[].class);
    }

    static String problem(ResponseEntity<byte[]> response) {
        String body = new String(response.getBody(), StandardCharsets.UTF_8);
        return response.getStatusCode().value() + " " + body.replaceAll("(?s).*\"code\":\"([^\"]+)\".*", "$1")
                + " " + body.replaceAll("(?s).*\"detail\":\"([^\"]*)\".*", "$1");
    }

    long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM claim_receipt", Long.class);
    }

    void reportedInTheReadModel() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get(asker, "/errands/" + errandId).getBody().path("status").asText()).isEqualTo("CHANGE_DUE"));
    }

    @Test
    void aPdfSentWithTheApiIsKeptSealedAndShownToBothPartiesOnly() {
        long before = rows();

        assertThat(answer(report(helper, errandId, "43.20", List.of(pdf())))).isEqualTo("200");
        // Sent again (a retry after a lost answer): the same report, the same file, nothing added.
        assertThat(answer(report(helper, errandId, "43.20", List.of(pdf())))).isEqualTo("200");

        assertThat(rows()).isEqualTo(before + 1);
        String event = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), errandId,
                "nl.wederkerig.core.errands.ErrandSpendingReported");
        assertThat(event).containsPattern("\"receipt\":\"bon-[0-9a-f-]{36}\"").doesNotContain(MARKER);
        reportedInTheReadModel();
        String reference = api.get(asker, "/errands/" + errandId).getBody().path("receipt").asText();
        byte[] sealed = jdbc.queryForObject("SELECT sealed FROM claim_receipt WHERE receipt_ref = ?", byte[].class, reference);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(MARKER);

        for (MemberId party : List.of(helper, asker)) {
            ResponseEntity<byte[]> file = receipt(party, errandId, "1");
            assertThat(file.getStatusCode().value()).isEqualTo(200);
            assertThat(file.getHeaders().getContentType()).hasToString("application/pdf");
            assertThat(file.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
            assertThat(file.getBody()).isEqualTo(pdf());
        }

        // Anyone else, an errand nobody started, a number no file has: the same answer, word for word.
        String unknown = problem(receipt(outsider, Neighbours.unique("errand"), "1"));
        assertThat(unknown).startsWith("404 not-found");
        assertThat(problem(receipt(outsider, errandId, "1"))).isEqualTo(unknown);
        assertThat(problem(receipt(helper, errandId, "2")).split(" ")[0]).isEqualTo("404");
        assertThat(problem(receipt(helper, errandId, "x")).split(" ")[0]).isEqualTo("404");
    }

    @Test
    void aPhotoSentFromThePageFormShowsAsALinkOnTheErrand() {
        PageSession cees = PageSession.logIn(port, helper);
        HttpResponse<String> page = cees.get("/errands");
        assertThat(page.body()).contains("name=\"receipt-file-" + errandId + "\"", "enctype=\"multipart/form-data\"",
                "accept=\"image/*,application/pdf\"", "capture=\"environment\"");

        HttpResponse<String> sent = cees.postWithFile("/errands/" + errandId + "/spending", csrf(page), Map.of(
                "commandId", "errand-step-" + errandId, "spent-" + errandId, "43,20"), "receipt-file-" + errandId, photo());

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/errands?done=reported");
        String link = "/api/v1/communities/" + wijk.id + "/errands/" + errandId + "/receipts/1";
        assertThat(cees.get("/errands").body()).contains("id=\"receipt-of-" + errandId + "\"", "href=\"" + link + "\"");
        PageSession dirk = PageSession.logIn(port, asker);
        assertThat(dirk.get("/errands").body()).contains("href=\"" + link + "\"");
        HttpResponse<byte[]> seen = dirk.getBytes(link);
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/jpeg");
        assertThat(PageSession.logIn(port, outsider).getBytes(link).statusCode()).isEqualTo(404);
    }

    /** A JPEG's first bytes, then more than the upload limit. */
    static byte[] overLimit() {
        byte[] photo = new byte[nl.wederkerig.api.claims.ReceiptScans.MAX_UPLOAD_BYTES + 1024];
        java.util.Arrays.fill(photo, (byte) 0x55);
        photo[0] = (byte) 0xFF;
        photo[1] = (byte) 0xD8;
        photo[2] = (byte) 0xFF;
        return photo;
    }

    @Test
    void aTooLargePhotoFromThePageComesBackToTheErrandsWithADutchMessage() {
        long before = rows();
        long events = wijk.events(errandId);
        PageSession cees = PageSession.logIn(port, helper);
        HttpResponse<String> page = cees.get("/errands");

        HttpResponse<String> sent = cees.postWithFile("/errands/" + errandId + "/spending", csrf(page), Map.of(
                "commandId", "errand-big-" + errandId, "spent-" + errandId, "43,20"), "receipt-file-" + errandId,
                overLimit());

        // None of the form's fields arrived (the server stopped reading at the limit): back to the errands.
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/errands?upload=too-large");
        HttpResponse<String> back = cees.get("/errands?upload=too-large");
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(PageSession.formError(back)).isEqualTo("De foto van de bon is te groot. Een foto mag hoogstens 5 MB zijn. "
                + "Maak de foto kleiner of kies een andere.");
        assertThat(rows()).isEqualTo(before);
        assertThat(wijk.events(errandId)).isEqualTo(events);
    }

    @Test
    void aFileThatIsNoPhotoNorPdfIsRefusedAndNothingIsStored() {
        long before = rows();
        long events = wijk.events(errandId);

        ResponseEntity<JsonNode> refused = report(helper, errandId, "43.20", List.of(html()));
        assertThat(answer(refused)).isEqualTo("415 receipt-type-unsupported");
        assertThat(refused.getBody().path("type").asText()).isEqualTo("https://wederkerig.nl/problems/receipt-type-unsupported");
        assertThat(answer(report(helper, errandId, "43.20", List.of(pdf(), pdf())))).isEqualTo("422 too-many-receipts");
        // The file was fine, the report was not (the asker does not report): the file just kept is removed again.
        assertThat(answer(report(asker, errandId, "43.20", List.of(pdf())))).isEqualTo("403 actor-not-allowed");

        PageSession cees = PageSession.logIn(port, helper);
        HttpResponse<String> page = cees.get("/errands");
        HttpResponse<String> onThePage = cees.postWithFile("/errands/" + errandId + "/spending", csrf(page), Map.of(
                "commandId", "errand-step-" + errandId, "spent-" + errandId, "43,20"), "receipt-file-" + errandId, html());
        assertThat(onThePage.statusCode()).isEqualTo(400);
        assertThat(PageSession.fieldError(onThePage, "receipt-file-" + errandId)).isNotBlank();

        assertThat(rows()).isEqualTo(before);
        assertThat(wijk.events(errandId)).isEqualTo(events);
    }
}
