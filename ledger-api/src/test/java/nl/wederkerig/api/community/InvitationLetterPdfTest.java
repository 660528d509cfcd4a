package nl.wederkerig.api.community;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.community.CommunityName;
import nl.wederkerig.core.harness.RequiredTools;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invitation letter as a Dutch PDF: a coordinator registers a neighbour and prints the letter
 * with the one-time code and the address of the site; pdftotext finds both. Only a coordinator
 * gets one, and a code that is no code gets none.
 */
@LedgerTest
class InvitationLetterPdfTest {

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

    @Test
    void aCoordinatorPrintsTheLetterWithTheCodeAndTheAddressInDutch() throws Exception {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "brief", CommunityName.of("Spangen"));
        String lotte = Neighbours.unique("lotte");
        JsonNode registered = http.withBasicAuth(wijk.coordinator.value(), Neighbours.PASSWORD)
                .postForEntity("/api/v1/communities/" + wijk.id + "/members",
                        Map.of("commandId", "member-" + lotte, "memberId", lotte), JsonNode.class).getBody();
        JsonNode invitation = registered.path("invitation");
        String code = invitation.path("code").asText();

        ResponseEntity<byte[]> letter = letter(wijk.coordinator, code, lotte, invitation.path("expiresAt").asText());

        assertThat(letter.getStatusCode().value()).isEqualTo(200);
        assertThat(letter.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        Files.createDirectories(Path.of("target", "pdfs"));
        Files.write(Path.of("target", "pdfs", "invitation-letter.pdf"), letter.getBody());
        String text = text(letter.getBody());
        assertThat(text).contains("Welkom bij Wederkerig, " + lotte, "Je bent ingeschreven in de wijk Spangen",
                code, "http://localhost:" + port + "/invitation", "De code werkt maar één keer");
    }

    @Test
    void aNeighbourGetsNoLetterAndNeitherDoesACodeThatIsNoCode() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "brief");
        MemberId neighbour = wijk.member("bram");

        assertThat(letter(neighbour, "ABCD-EFGH-JKMN-PQRS", "lotte", "2030-01-01T00:00:00Z").getStatusCode().value())
                .isEqualTo(403);
        assertThat(letter(wijk.coordinator, "<b>nee</b>", "lotte", "2030-01-01T00:00:00Z").getStatusCode().value())
                .isEqualTo(404);
    }

    ResponseEntity<byte[]> letter(MemberId as, String code, String username, String expiresAt) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("code", code);
        form.add("username", username);
        form.add("expiresAt", expiresAt);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD)
                .postForEntity("/coordinator/members/letter.pdf", new HttpEntity<>(form, headers), byte[].class);
    }

    static String text(byte[] pdf) throws Exception {
        Path tool = RequiredTools.require("pdftotext").get(0);
        Path file = Files.createTempFile("letter", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder(tool.toString(), "-raw", "-enc", "UTF-8", file.toString(), "-")
                    .redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return text.replace('\u00a0', ' ').replaceAll("\\s+", " ");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
