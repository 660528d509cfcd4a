package nl.wederkerig.api.claims;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static nl.wederkerig.api.support.Api.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Expense claims with receipt files over HTTP: what is kept, who sees it, and what is refused without storing anything. */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiptHttpTest {

    static final String MARKER = "BON-MARKER-JUMBO-1234";

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
    MemberId treasurer;
    MemberId volunteer;
    InitiativeId initiative;
    String claimId;
    String claims;

    @BeforeAll
    void community() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "receipts");
        api = new Api(http, wijk.id);
    }

    @BeforeEach
    void setUp() {
        treasurer = wijk.member("tessa");
        volunteer = wijk.member("vera");
        initiative = wijk.initiative("aanschuiven");
        wijk.treasurer(treasurer, initiative);
        claimId = Neighbours.unique("claim");
        claims = "/initiatives/" + initiative + "/claims";
    }

    String claimJson(String amount) {
        return """
                {"claimId":"%s","amount":{"amount":"%s","currency":"EUR"},"category":"MATERIALS"}""".formatted(claimId, amount);
    }

    ResponseEntity<JsonNode> submit(MemberId as, String amount, List<byte[]> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("claim", new HttpEntity<>(claimJson(amount), json));
        int n = 0;
        for (byte[] file : files) {
            String name = "bon-" + (++n) + ".jpg"; // every file says it is a photo: the name is never believed
            HttpHeaders image = new HttpHeaders();
            image.setContentType(MediaType.IMAGE_JPEG);
            parts.add("receipt", new HttpEntity<>(new ByteArrayResource(file) {
                @Override
                public String getFilename() {
                    return name;
                }
            }, image));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).exchange("/api/v1/communities/" + wijk.id + claims,
                HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    ResponseEntity<byte[]> receipt(MemberId as, String claim, int number) {
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).exchange("/api/v1/communities/" + wijk.id + claims + "/" + claim
                + "/receipts/" + number, HttpMethod.GET, null, byte[].class);
    }

    String problemCode(ResponseEntity<byte[]> response) {
        return response.getStatusCode().value() + " " + new String(response.getBody(), StandardCharsets.UTF_8)
                .replaceAll("(?s).*\"code\":\"([^\"]+)\".*", "$1");
    }

    long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM claim_receipt", Long.class);
    }

    void knownToTheReadModel(String claim) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM claim_record WHERE claim_id = ?", Long.class, claim) > 0);
    }

    @Test
    void aClaimWithAPhotoAndAPdfKeepsBothSealedAndShowsThemToClaimantTreasurerAndKascommissieOnly() {
        byte[] pdf = ReceiptImages.pdf(MARKER, 2_000);

        ResponseEntity<JsonNode> submitted = submit(volunteer, "18.40", List.of(ReceiptImages.photoWithExif(1200, 900), pdf));

        assertThat(answer(submitted)).isEqualTo("201");
        String event = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), claimId, "nl.wederkerig.core.claims.ClaimSubmitted");
        assertThat(event).containsPattern("\"receipt\":\"bon-[0-9a-f-]{36}\"").doesNotContain(MARKER);
        knownToTheReadModel(claimId);
        List<byte[]> sealed = jdbc.query("SELECT r.sealed FROM claim_receipt r JOIN claim_record c ON c.receipt = r.receipt_ref"
                + " WHERE c.claim_id = ? ORDER BY r.seq_no", (rs, i) -> rs.getBytes(1), claimId);
        assertThat(sealed).hasSize(2).allSatisfy(bytes -> assertThat(ReceiptImages.indexOf(bytes, MARKER.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(-1));

        ResponseEntity<byte[]> photo = receipt(volunteer, claimId, 1);
        assertThat(photo.getStatusCode().value()).isEqualTo(200);
        assertThat(photo.getHeaders().getContentType()).hasToString("image/jpeg");
        assertThat(photo.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(photo.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline");
        assertThat(ReceiptImages.decode(photo.getBody()).getWidth()).isEqualTo(1200);
        assertThat(ReceiptImages.indexOf(photo.getBody(), ReceiptImages.GPS_MARKER.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(-1);

        ResponseEntity<byte[]> asTreasurer = receipt(treasurer, claimId, 2);
        assertThat(asTreasurer.getStatusCode().value()).isEqualTo(200);
        assertThat(asTreasurer.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(asTreasurer.getBody()).isEqualTo(pdf);
        assertThat(asTreasurer.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox").contains("script-src 'none'");

        MemberId kascommissie = wijk.member("kees");
        wijk.role(kascommissie, Role.auditorOf(initiative));
        assertThat(receipt(kascommissie, claimId, 2).getStatusCode().value()).isEqualTo(200);

        // Anyone else, another initiative's treasurer, a number beyond the files: as if there were nothing.
        MemberId neighbour = wijk.member("nina");
        InitiativeId other = wijk.initiative("buurthulp");
        MemberId otherTreasurer = wijk.member("otto");
        wijk.treasurer(otherTreasurer, other);
        assertThat(problemCode(receipt(neighbour, claimId, 1))).isEqualTo("404 not-found");
        assertThat(problemCode(receipt(otherTreasurer, claimId, 1))).isEqualTo("404 not-found");
        assertThat(problemCode(receipt(volunteer, claimId, 3))).isEqualTo("404 not-found");
        assertThat(problemCode(receipt(volunteer, "onbekend", 1))).isEqualTo("404 not-found");
    }

    @Test
    void sendingTheSameClaimTwiceKeepsOneSetOfFiles() {
        List<byte[]> files = List.of(ReceiptImages.pdf(MARKER, 500));

        assertThat(answer(submit(volunteer, "7.50", files))).isEqualTo("201");
        long after = rows();
        assertThat(answer(submit(volunteer, "7.50", files))).isEqualTo("201");

        assertThat(rows()).isEqualTo(after);
        assertThat(wijk.events(claimId)).isEqualTo(1);
    }

    @Test
    void aRefusedFileOrARefusedClaimStoresNothing() {
        long before = rows();
        byte[] photo = ReceiptImages.photoWithExif(400, 300);

        assertThat(answer(submit(volunteer, "18.40", List.of(photo, ReceiptImages.htmlNamedJpg()))))
                .isEqualTo("415 receipt-type-unsupported");
        assertThat(answer(submit(volunteer, "18.40", List.of(ReceiptImages.pdf(MARKER, ReceiptScans.MAX_STORED_BYTES + 1)))))
                .isEqualTo("413 receipt-too-large");
        assertThat(answer(submit(volunteer, "18.40", List.of(photo, photo, photo, photo, photo, photo))))
                .isEqualTo("422 too-many-receipts");
        assertThat(answer(submit(volunteer, "18.40", List.of()))).isEqualTo("422 receipt-file-missing");
        // The files were fine, the claim was not: the files just stored are removed again.
        assertThat(answer(submit(volunteer, "2500.01", List.of(photo)))).isEqualTo("422 amount-too-large");
        assertThat(answer(submit(volunteer, "18.40", List.of(ReceiptImages.pixelBomb())))).isEqualTo("422 receipt-unreadable");

        assertThat(rows()).isEqualTo(before);
        assertThat(wijk.events(claimId)).isZero();
    }
}
