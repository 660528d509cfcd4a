package nl.wederkerig.api.community;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.privacy.SubjectKeyCipher;
import nl.wederkerig.api.platform.privacy.SubjectKeys;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.ContractValidation;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.community.AssignRole;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.RecordHelp;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.SealedText;
import nl.wederkerig.projections.community.Memberships;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure as the files on disk show it: the application on an H2 file database (the embedded
 * default) with its keys in a directory apart, a member's sealed note, IBAN and receipt stored in
 * events, the erasure confirmed over HTTP, and then the bytes of the database file and of every
 * key file searched for the clear text and for the member's key. The database file never held
 * either; the key file is gone. A context of its own (a file database, never PostgreSQL), closed
 * after this class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ContractValidation.class)
@DirtiesContext
class ErasureOnDiskTest {

    static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "wederkerig-erasure-" + UUID.randomUUID());
    static final Path DATABASE = DIRECTORY.resolve("data").resolve("wederkerig");
    static final Path KEYS = DIRECTORY.resolve("keys");

    @DynamicPropertySource
    static void onDisk(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATABASE + ";DB_CLOSE_ON_EXIT=FALSE");
        properties.add("spring.datasource.username", () -> "sa");
        properties.add("spring.datasource.password", () -> "");
        properties.add("wederkerig.privacy.master-key-file", () -> KEYS.resolve("master-keyset.json").toString());
        properties.add("wederkerig.privacy.key-directory", () -> KEYS.resolve("subjects").toString());
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;
    @Autowired
    LoginStore accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SubjectKeyCipher cipher;
    @Autowired
    SubjectKeys subjectKeys;

    @Test
    void neitherTheDatabaseFileNorTheKeyFilesHoldAnythingOfTheErasedMember() {
        OwnCommunity community = OwnCommunity.found(commands, accounts, jdbc, "disk");
        MemberId second = community.member("femke");
        commands.sendAndWait(new AssignRole(community.id, CommandId.of(Neighbours.unique("role")), second, Role.coordinator(),
                LocalDate.now(LedgerTime.ZONE), community.coordinator));
        MemberId amina = community.member("amina");
        MemberId bram = community.member("bram");
        List<String> personal = new ArrayList<>(List.of(ErasureHttpTest.NOTE, ErasureHttpTest.IBAN, ErasureHttpTest.RECEIPT));
        List<SealedText> sealed = new ArrayList<>();
        for (String text : personal) {
            SealedText note = cipher.seal(amina, text);
            sealed.add(note);
            commands.sendAndWait(new RecordHelp(HelpId.of(Neighbours.unique("help")), community.id, bram, amina,
                    Hours.ofMinutes(30), HelpKind.CARE, note, LocalDate.now(LedgerTime.ZONE), bram));
        }
        personal.add(subjectKeys.find(amina).orElseThrow());
        await().until(() -> new Memberships(jdbc).holds(community.id, second, Role.coordinator()));
        Api api = new Api(http, community.id);

        assertThat(Api.answer(api.post(community.coordinator, "/members/" + amina + "/erasure-requests",
                "{\"commandId\":\"ask\"}"))).isEqualTo("201");
        assertThat(Api.answer(api.post(second, "/members/" + amina + "/erasure-requests/confirmation",
                "{\"commandId\":\"confirm\"}"))).isEqualTo("200");
        jdbc.execute("CHECKPOINT SYNC");

        byte[] databaseFile = read(Path.of(DATABASE + ".mv.db"));
        assertThat(ErasureHttpTest.indexOf(databaseFile, sealed.get(0).ciphertextBase64().getBytes(StandardCharsets.UTF_8)))
                .as("the note is in the database file, sealed").isNotNegative();
        List<byte[]> keyFiles = everyFileUnder(KEYS);
        assertThat(keyFiles).isNotEmpty();
        for (String text : personal) {
            byte[] needle = text.getBytes(StandardCharsets.UTF_8);
            assertThat(ErasureHttpTest.indexOf(databaseFile, needle)).as("in the database file: %s", text).isEqualTo(-1);
            assertThat(keyFiles).allSatisfy(file -> assertThat(ErasureHttpTest.indexOf(file, needle)).isEqualTo(-1));
        }
        assertThat(sealed).allSatisfy(note -> assertThat(cipher.open(amina, note)).isEmpty());
    }

    /**
     * A receipt file (a PDF with a known marker in its text) sent with an expense claim: readable by
     * its claimant before the erasure, gone after it, and never in the database file as clear text,
     * while its sealed bytes are there.
     */
    @Test
    void aReceiptOfTheErasedMemberCannotBeReadAndTheDatabaseFileNeverHeldItsBytes() {
        OwnCommunity community = OwnCommunity.found(commands, accounts, jdbc, "bonnen");
        MemberId second = community.member("femke");
        commands.sendAndWait(new AssignRole(community.id, CommandId.of(Neighbours.unique("role")), second, Role.coordinator(),
                LocalDate.now(LedgerTime.ZONE), community.coordinator));
        MemberId rosa = community.member("rosa");
        InitiativeId meals = community.initiative("aanschuiven");
        await().until(() -> new Memberships(jdbc).holds(community.id, second, Role.coordinator()));
        String marker = "BON-MARKER-" + UUID.randomUUID();
        String claim = Neighbours.unique("claim");
        String claims = "/api/v1/communities/" + community.id + "/initiatives/" + meals + "/claims";

        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("claim", new HttpEntity<>("{\"claimId\":\"" + claim + "\",\"amount\":{\"amount\":\"9.95\",\"currency\":\"EUR\"},"
                + "\"category\":\"FOOD\"}", json));
        byte[] pdf = ("%PDF-1.4\n% " + marker + "\nBT (" + marker + ") Tj ET\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        parts.add("receipt", new HttpEntity<>(new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "bon.pdf";
            }
        }));
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        assertThat(http.withBasicAuth(rosa.value(), Neighbours.PASSWORD).exchange(claims, HttpMethod.POST,
                new HttpEntity<>(parts, multipart), String.class).getStatusCode().value()).isEqualTo(201);
        await().until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM claim_record WHERE claim_id = ?", Long.class, claim) > 0);
        String receipt = claims + "/" + claim + "/receipts/1";
        assertThat(http.withBasicAuth(rosa.value(), Neighbours.PASSWORD).getForEntity(receipt, byte[].class).getBody())
                .as("readable before the erasure").isEqualTo(pdf);
        byte[] sealed = jdbc.queryForObject("SELECT r.sealed FROM claim_receipt r JOIN claim_record c ON c.receipt = r.receipt_ref"
                + " WHERE c.claim_id = ?", byte[].class, claim);

        // Rosa also ran an errand for Sam and reported the spending with a photo of the receipt: sealed under her key too.
        Api api = new Api(http, community.id);
        MemberId sam = community.member("sam");
        String errand = Neighbours.unique("errand");
        assertThat(Api.answer(api.post(sam, "/errands", ("{\"errandId\":\"%s\",\"asker\":\"%s\",\"helper\":\"%s\","
                + "\"entrusted\":{\"amount\":\"20.00\",\"currency\":\"EUR\"},\"purpose\":\"GROCERIES\"}").formatted(errand, sam, rosa))))
                .isEqualTo("201");
        String errandMarker = "ERRAND-BON-" + UUID.randomUUID();
        byte[] errandPdf = ("%PDF-1.4\n% " + errandMarker + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        MultiValueMap<String, Object> spending = new LinkedMultiValueMap<>();
        spending.add("spending", new HttpEntity<>("{\"commandId\":\"spent\",\"spent\":{\"amount\":\"12.00\",\"currency\":\"EUR\"}}", json));
        spending.add("receipt", new HttpEntity<>(new ByteArrayResource(errandPdf) {
            @Override
            public String getFilename() {
                return "bon.pdf";
            }
        }));
        String errandPath = "/api/v1/communities/" + community.id + "/errands/" + errand;
        await().until(() -> api.get(sam, "/errands/" + errand).getStatusCode().value() == 200);
        assertThat(http.withBasicAuth(rosa.value(), Neighbours.PASSWORD).exchange(errandPath + "/spending", HttpMethod.POST,
                new HttpEntity<>(spending, multipart), String.class).getStatusCode().value()).isEqualTo(200);
        String errandReceipt = errandPath + "/receipts/1";
        await().until(() -> http.withBasicAuth(sam.value(), Neighbours.PASSWORD).getForEntity(errandReceipt, byte[].class)
                .getStatusCode().value() == 200);

        assertThat(Api.answer(api.post(community.coordinator, "/members/" + rosa + "/erasure-requests",
                "{\"commandId\":\"ask\"}"))).isEqualTo("201");
        assertThat(Api.answer(api.post(second, "/members/" + rosa + "/erasure-requests/confirmation",
                "{\"commandId\":\"confirm\"}"))).isEqualTo("200");
        jdbc.execute("CHECKPOINT SYNC");

        var afterwards = http.withBasicAuth(community.coordinator.value(), Neighbours.PASSWORD).getForEntity(receipt, String.class);
        assertThat(afterwards.getStatusCode().value()).as("unreadable after the erasure").isEqualTo(404);
        assertThat(http.withBasicAuth(sam.value(), Neighbours.PASSWORD).getForEntity(errandReceipt, String.class).getStatusCode().value())
                .as("the errand's receipt, unreadable after the erasure").isEqualTo(404);
        byte[] databaseFile = read(Path.of(DATABASE + ".mv.db"));
        assertThat(ErasureHttpTest.indexOf(databaseFile, java.util.Arrays.copyOfRange(sealed, 0, 64)))
                .as("the receipt is in the database file, sealed").isNotNegative();
        assertThat(ErasureHttpTest.indexOf(databaseFile, marker.getBytes(StandardCharsets.US_ASCII)))
                .as("the receipt's text in the database file").isEqualTo(-1);
        assertThat(ErasureHttpTest.indexOf(databaseFile, errandMarker.getBytes(StandardCharsets.US_ASCII)))
                .as("the errand receipt's text in the database file").isEqualTo(-1);
    }

    private static List<byte[]> everyFileUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(ErasureOnDiskTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
