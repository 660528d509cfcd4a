package nl.wederkerig.api.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.statements.SyntheticCamt053;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static nl.wederkerig.api.support.Api.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The treasurer's month over HTTP: link the account, import a CAMT.053 statement, see the
 * proposals, match and book every line, close the month, and the next month connecting to it; a
 * re-import adds nothing, a wrong balance refuses the close, a closed period refuses a back-dated
 * entry, and a second person reopens. Hostile and foreign files are refused with nothing stored.
 */
@LedgerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconciliationHttpTest {

    static final Iban ACCOUNT = SyntheticCamt053.dutchIban("RABO", 312_456_789L);
    static final Iban PAYER = SyntheticCamt053.dutchIban("INGB", 1_234_567L);
    static final Iban SHOP = SyntheticCamt053.dutchIban("ABNA", 417_164_300L);

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
    InitiativeId initiative;
    String base;
    final LocalDate today = LocalDate.now(LedgerTime.ZONE);

    @BeforeAll
    void community() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "kas");
        api = new Api(http, wijk.id);
    }

    @BeforeEach
    void setUp() {
        treasurer = wijk.member("tessa");
        initiative = wijk.initiative("eettafel");
        wijk.treasurer(treasurer, initiative);
        base = "/initiatives/" + initiative;
    }

    @Test
    void aMonthIsImportedMatchedAndClosedAndTheNextConnects() throws Exception {
        assertThat(answer(api.post(treasurer, base + "/bank-accounts", link("NL91ABNA0417164301")))).isEqualTo("400 bad-request");
        assertThat(answer(api.post(treasurer, base + "/bank-accounts", link(ACCOUNT.value())))).isEqualTo("200");
        LocalDate start = today.minusDays(19);
        LocalDate end = today.minusDays(10);
        String gift = Neighbours.unique("gift");
        String food = Neighbours.unique("food");
        assertThat(answer(api.post(treasurer, base + "/contributions", """
                {"commandId":"%s","amount":{"amount":"100.00","currency":"EUR"},"source":"DONATION","channel":"BANK","businessDate":"%s"}"""
                .formatted(gift, start.plusDays(1))))).isEqualTo("200");
        assertThat(answer(api.post(treasurer, base + "/expenses", """
                {"commandId":"%s","amount":{"amount":"30.00","currency":"EUR"},"category":"FOOD","receipt":"JUMBO-1","channel":"BANK","businessDate":"%s"}"""
                .formatted(food, start.plusDays(3))))).isEqualTo("200");

        byte[] january = SyntheticCamt053.xml(ACCOUNT, Money.eur("0.00"), start, end, List.of(
                new SyntheticCamt053.Line(start.plusDays(2), 10_000, "A. Gever", PAYER, gift, "JAN-1"),
                new SyntheticCamt053.Line(start.plusDays(4), -3_000, "Jumbo", SHOP, null, "JAN-2"),
                new SyntheticCamt053.Line(start.plusDays(5), 2_500, "B. Buur", PAYER, null, "JAN-3")));
        ResponseEntity<JsonNode> imported = upload(treasurer, "application/xml", "", january);
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        assertThat(imported.getHeaders().getLocation()).isNotNull();
        JsonNode first = imported.getBody();
        assertThat(first.path("format").asText()).isEqualTo("camt053");
        assertThat(first.path("iban").asText()).isEqualTo(ACCOUNT.value());
        assertThat(first.path("openingBalance").path("amount").asText()).isEqualTo("0.00");
        assertThat(first.path("closingBalance").path("amount").asText()).isEqualTo("95.00");
        assertThat(first.path("lines").asInt()).isEqualTo(3);
        assertThat(first.path("newLines").asInt()).isEqualTo(3);
        assertThat(first.path("continuity").asText()).isEqualTo("first");

        // The same file again: every line already imported, nothing added.
        long events = wijk.events(initiative.value());
        JsonNode again = upload(treasurer, "application/xml", "", january).getBody();
        assertThat(again.path("newLines").asInt()).isZero();
        assertThat(again.path("alreadyImported").asInt()).isEqualTo(3);
        assertThat(wijk.events(initiative.value())).isEqualTo(events);

        JsonNode lines = awaitLines(3);
        JsonNode giftLine = lineWith(lines, "JAN-1");
        assertThat(giftLine.path("status").asText()).isEqualTo("UNMATCHED");
        assertThat(giftLine.path("reference").asText()).isEqualTo(gift);
        assertThat(giftLine.path("text").path("counterpartyName").asText()).isEqualTo("A. Gever");
        assertThat(giftLine.path("text").path("description").asText()).contains("WDK-" + gift);
        assertThat(giftLine.path("text").path("source").asText()).contains("JAN-1");
        assertThat(giftLine.path("proposals").get(0).path("id").asText()).isEqualTo(gift);
        assertThat(giftLine.path("proposals").get(0).path("score").asInt()).isEqualTo(100);
        assertThat(giftLine.path("proposals").get(0).path("zone").asText()).isEqualTo("LIKELY");
        JsonNode foodLine = lineWith(lines, "JAN-2");
        assertThat(foodLine.path("proposals").get(0).path("id").asText()).isEqualTo(food);
        assertThat(foodLine.path("proposals").get(0).path("exactReference").asBoolean()).isFalse();
        // The counterparty's IBAN is sealed in the event: never in clear in the store.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND "
                + "CAST(payload AS VARCHAR(1000000)) LIKE ?", Long.class, initiative.value(), "%" + PAYER.value() + "%")).isZero();

        assertThat(answer(close(treasurer, end))).isEqualTo("422 bank-lines-unmatched");
        assertThat(answer(api.post(treasurer, base + "/bank-matches", match("JAN-1", gift)))).isEqualTo("200");
        assertThat(answer(api.post(treasurer, base + "/bank-matches", match("JAN-2", food)))).isEqualTo("200");
        assertThat(answer(api.post(treasurer, base + "/bank-lines/JAN-3/contribution", """
                {"commandId":"%s","source":"DONATION"}""".formatted(Neighbours.unique("book"))))).isEqualTo("200");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode status = api.get(treasurer, base + "/reconciliation").getBody();
            assertThat(status.path("difference").path("amount").asText()).isEqualTo("0.00");
            assertThat(status.path("unmatchedLines").asInt()).isZero();
            assertThat(status.path("statementClosingBalance").path("amount").asText()).isEqualTo("95.00");
        });
        ResponseEntity<JsonNode> closed = close(treasurer, end);
        assertThat(answer(closed)).isEqualTo("200");
        String closeId = closed.getBody().path("commandId").asText();

        // Nothing more in the closed month.
        assertThat(answer(api.post(treasurer, base + "/contributions", """
                {"commandId":"%s","amount":{"amount":"5.00","currency":"EUR"},"source":"DONATION","channel":"BANK","businessDate":"%s"}"""
                .formatted(Neighbours.unique("late"), end.minusDays(1))))).isEqualTo("422 period-closed");

        // The next month connects to the first; a contribution booked for the wrong amount keeps the close refused.
        LocalDate next = end.plusDays(1);
        LocalDate nextEnd = today.minusDays(1);
        byte[] february = SyntheticCamt053.xml(ACCOUNT, Money.eur("95.00"), next, nextEnd, List.of(
                new SyntheticCamt053.Line(next.plusDays(1), 1_000, "B. Buur", PAYER, null, "FEB-1")));
        JsonNode second = upload(treasurer, "application/xml", "", february).getBody();
        assertThat(second.path("continuity").asText()).isEqualTo("connects");
        assertThat(second.path("newLines").asInt()).isEqualTo(1);
        assertThat(answer(api.post(treasurer, base + "/contributions", """
                {"commandId":"%s","amount":{"amount":"12.00","currency":"EUR"},"source":"DONATION","channel":"BANK","businessDate":"%s"}"""
                .formatted(Neighbours.unique("typo"), next.plusDays(1))))).isEqualTo("200");
        awaitLines(1);
        assertThat(answer(api.post(treasurer, base + "/bank-lines/FEB-1/contribution", """
                {"commandId":"%s","source":"DONATION"}""".formatted(Neighbours.unique("book"))))).isEqualTo("200");
        assertThat(answer(close(treasurer, nextEnd))).isEqualTo("422 bank-balance-differs");

        // Reopening the first month: never by the one who closed it; a coordinator may.
        assertThat(answer(reopen(treasurer, closeId))).isEqualTo("422 reopen-needs-second-person");
        assertThat(answer(reopen(wijk.coordinator, closeId))).isEqualTo("200");
        assertThat(answer(api.post(treasurer, base + "/contributions", """
                {"commandId":"%s","amount":{"amount":"5.00","currency":"EUR"},"source":"DONATION","channel":"BANK","businessDate":"%s"}"""
                .formatted(Neighbours.unique("late"), end.minusDays(1))))).isEqualTo("200");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get(treasurer, base + "/period-closes").getBody().get(0).path("reopenReason").asText()).isEqualTo("BANK_CORRECTION"));
    }

    @Test
    void theExportedJournalCarriesTheCloseAsABalanceAssertionThatHledgerChecks() throws Exception {
        api.post(treasurer, base + "/bank-accounts", link(ACCOUNT.value()));
        LocalDate start = today.minusDays(15);
        LocalDate end = today.minusDays(5);
        String gift = Neighbours.unique("gift");
        api.post(treasurer, base + "/contributions", """
                {"commandId":"%s","amount":{"amount":"42.50","currency":"EUR"},"source":"DONATION","channel":"BANK","businessDate":"%s"}"""
                .formatted(gift, start));
        assertThat(upload(treasurer, "application/xml", "", SyntheticCamt053.xml(ACCOUNT, Money.eur("0.00"), start, end,
                List.of(new SyntheticCamt053.Line(start, 4_250, "A. Gever", PAYER, gift, "J-" + gift)))).getStatusCode().value())
                .isEqualTo(201);
        awaitLines(1);
        assertThat(answer(api.post(treasurer, base + "/bank-matches", match("J-" + gift, gift)))).isEqualTo("200");
        assertThat(answer(close(treasurer, end))).isEqualTo("200");

        await().atMost(Duration.ofSeconds(10)).until(() -> journal().contains("= 42.50 EUR"));
        Path book = Files.createTempFile("wederkerig-close", ".journal");
        Files.writeString(book, journal(), StandardCharsets.UTF_8);
        Process check = new ProcessBuilder("hledger", "-f", book.toString(), "check").redirectErrorStream(true).start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        // A wrong assertion is caught by the same check: the oracle can fail.
        Files.writeString(book, journal().replace("= 42.50 EUR", "= 42.51 EUR"), StandardCharsets.UTF_8);
        Process wrong = new ProcessBuilder("hledger", "-f", book.toString(), "check").redirectErrorStream(true).start();
        assertThat(wrong.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong.exitValue()).isNotZero();
    }

    @Test
    void hostileAndForeignFilesAreRefusedWithNothingStored() {
        api.post(treasurer, base + "/bank-accounts", link(ACCOUNT.value()));
        long events = wijk.events(initiative.value());
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">&xxe;</Document>""";
        assertThat(answer(upload(treasurer, "application/xml", "", xxe.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("422 statement-xml-doctype");
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <Document>&lol2;</Document>""";
        assertThat(answer(upload(treasurer, "application/xml", "", laughs.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("422 statement-xml-doctype");
        byte[] large = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(large, (byte) ' ');
        assertThat(answer(upload(treasurer, "application/xml", "", large))).isEqualTo("413 payload-too-large");
        LocalDate start = today.minusDays(9);
        byte[] foreign = SyntheticCamt053.xml(SHOP, Money.eur("0.00"), start, today.minusDays(2),
                List.of(new SyntheticCamt053.Line(start, 500, "A. Gever", PAYER, null, "F-1")));
        assertThat(answer(upload(treasurer, "application/xml", "", foreign))).isEqualTo("422 iban-not-linked");
        String forged = new String(SyntheticCamt053.xml(ACCOUNT, Money.eur("0.00"), start, today.minusDays(2),
                List.of(new SyntheticCamt053.Line(start, 500, "A. Gever", PAYER, null, "F-2"))), StandardCharsets.UTF_8)
                .replace("<Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt>", "<Amt Ccy=\"EUR\">50.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt>");
        assertThat(answer(upload(treasurer, "application/xml", "", forged.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("422 statement-does-not-add-up");
        String dollars = new String(SyntheticCamt053.xml(ACCOUNT, Money.eur("0.00"), start, today.minusDays(2),
                List.of(new SyntheticCamt053.Line(start, 500, "A. Gever", PAYER, null, "F-3"))), StandardCharsets.UTF_8)
                .replace("Ccy=\"EUR\"", "Ccy=\"USD\"");
        assertThat(answer(upload(treasurer, "application/xml", "", dollars.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("422 statement-not-eur");
        assertThat(answer(upload(treasurer, "text/plain", "", ":20:STARTUMS\n:25:NL91ABNA0417164300\n:28C:1\n:60F:C".getBytes(
                StandardCharsets.UTF_8)))).startsWith("422 statement-");
        byte[] unknownColumns = "Datum;Iets;Anders\n20260101;1;2\n".getBytes(StandardCharsets.UTF_8);
        assertThat(answer(upload(treasurer, "text/csv", "?layout=ing", unknownColumns))).isEqualTo("422 statement-csv-columns");
        assertThat(answer(upload(treasurer, "text/csv", "?layout=postbank", unknownColumns)))
                .isEqualTo("422 statement-csv-layout-unknown");
        assertThat(wijk.events(initiative.value())).isEqualTo(events);
    }

    @Test
    void everySharedSampleIsImportedOrRefusedAsA4xxNeverHalfway() throws IOException {
        Path samples = Path.of("../statements/src/test/resources/samples");
        List<String> outcomes = new ArrayList<>();
        for (String file : List.of("camt053/genkgo-camt053.v2.minimal.xml", "camt053/genkgo-camt053.v2.multi.statement.xml",
                "mt940/zilverline-abn_abn_sepa_overboeking.txt", "mt940/zilverline-ing_mt940_iban.txt",
                "mt940/zilverline-knab_knab.txt", "mt940/zilverline-rabobank_mt940_structured.txt",
                "mt940/zilverline-triodos_iban.txt", "csv/ing-nl-synthetic.csv", "csv/rabobank-synthetic.csv")) {
            byte[] bytes = Files.readAllBytes(samples.resolve(file));
            String type = file.startsWith("camt") ? "application/xml" : file.startsWith("mt940") ? "text/plain" : "text/csv";
            String query = file.startsWith("csv/ing") ? "?layout=ing" : file.startsWith("csv/rabo") ? "?layout=rabobank" : "";
            long events = wijk.events(initiative.value());
            ResponseEntity<JsonNode> answer = upload(treasurer, type, query, bytes);
            int status = answer.getStatusCode().value();
            assertThat(status).as(file).isBetween(400, 499);
            assertThat(wijk.events(initiative.value())).as(file).isEqualTo(events);
            outcomes.add(file + " " + answer(answer));
        }
        // Not linked yet: every readable file is refused for its account, the others for what they are.
        assertThat(outcomes).contains("camt053/genkgo-camt053.v2.minimal.xml 422 iban-not-linked",
                "mt940/zilverline-triodos_iban.txt 422 iban-not-linked");
    }

    @Test
    void aSampleOfARealBankIsImportedOnceLinkedToItsAccount() throws IOException {
        // Triodos's MT940 names only the account number (TRIODOSBANK/0454545454): the linked IBAN holds the same number.
        byte[] triodos = Files.readAllBytes(Path.of("../statements/src/test/resources/samples/mt940/zilverline-triodos_iban.txt"));
        assertThat(answer(api.post(treasurer, base + "/bank-accounts",
                link(SyntheticCamt053.dutchIban("TRIO", 454_545_454L).value())))).isEqualTo("200");
        ResponseEntity<JsonNode> imported = upload(treasurer, "text/plain", "", triodos);
        assertThat(answer(imported)).isEqualTo("201");
        assertThat(imported.getBody().path("newLines").asInt()).isEqualTo(3);
        assertThat(imported.getBody().path("format").asText()).isEqualTo("mt940");
        assertThat(upload(treasurer, "text/plain", "", triodos).getBody().path("alreadyImported").asInt()).isEqualTo(3);
    }

    @Test
    void aNeighbourAndAnotherCommunitySeeNothing() {
        api.post(treasurer, base + "/bank-accounts", link(ACCOUNT.value()));
        MemberId neighbour = wijk.member("cees");
        assertThat(answer(api.get(neighbour, base + "/bank-lines"))).isEqualTo("403 forbidden");
        assertThat(answer(upload(neighbour, "application/xml", "", "<x/>".getBytes(StandardCharsets.UTF_8)))).isEqualTo("403 forbidden");
        // The role is checked before the record: an initiative one keeps no books of, real or not, is 403 alike.
        assertThat(answer(api.get(treasurer, "/initiatives/no-such-initiative/bank-lines"))).isEqualTo("403 forbidden");
    }

    @Test
    void theKascommissieReadsTheBooksAndChangesNothing() {
        api.post(treasurer, base + "/bank-accounts", link(ACCOUNT.value()));
        MemberId auditor = wijk.member("kees");
        commands.sendAndWait(new nl.wederkerig.core.community.AssignRole(wijk.id, nl.wederkerig.core.shared.CommandId.of(
                Neighbours.unique("role")), auditor, nl.wederkerig.core.community.Role.auditorOf(initiative), today, wijk.coordinator));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(auditor, base + "/reconciliation").getStatusCode().value() == 200);
        assertThat(answer(api.get(auditor, base + "/bank-lines"))).isEqualTo("200");
        assertThat(answer(api.get(auditor, base + "/period-closes"))).isEqualTo("200");
        assertThat(answer(api.get(auditor, base + "/balance"))).isEqualTo("200");
        long events = wijk.events(initiative.value());
        assertThat(answer(api.post(auditor, base + "/period-closes", """
                {"commandId":"%s","periodEnd":"%s"}""".formatted(Neighbours.unique("close"), today.minusDays(1))))).isEqualTo("403 forbidden");
        assertThat(answer(upload(auditor, "application/xml", "", "<x/>".getBytes(StandardCharsets.UTF_8)))).isEqualTo("403 forbidden");
        assertThat(wijk.events(initiative.value())).isEqualTo(events);
        // Auditing one initiative is not auditing another.
        InitiativeId other = wijk.initiative("buurttuin");
        assertThat(answer(api.get(auditor, "/initiatives/" + other + "/bank-lines"))).isEqualTo("403 forbidden");
    }

    // ---- helpers ----

    private ResponseEntity<JsonNode> upload(MemberId as, String contentType, String query, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).exchange("/api/v1/communities/" + wijk.id + base
                + "/bank-statements" + query, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> close(MemberId as, LocalDate end) {
        return api.post(as, base + "/period-closes", """
                {"commandId":"%s","periodEnd":"%s"}""".formatted(Neighbours.unique("close"), end));
    }

    private ResponseEntity<JsonNode> reopen(MemberId as, String closeId) {
        return api.post(as, base + "/period-closes/" + closeId + "/reopening", """
                {"commandId":"%s","reason":"BANK_CORRECTION"}""".formatted(Neighbours.unique("reopen")));
    }

    private String journal() {
        return http.withBasicAuth(wijk.coordinator.value(), Neighbours.PASSWORD)
                .getForEntity("/api/v1/communities/" + wijk.id + "/journal.hledger", String.class).getBody();
    }

    private JsonNode awaitLines(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(treasurer, base + "/bank-lines").getBody().size() == count);
        return api.get(treasurer, base + "/bank-lines").getBody();
    }

    private static JsonNode lineWith(JsonNode lines, String id) {
        for (JsonNode line : lines) {
            if (line.path("lineId").asText().equals(id)) {
                return line;
            }
        }
        throw new AssertionError("no line " + id + " in " + lines);
    }

    private static String link(String iban) {
        return """
                {"commandId":"%s","iban":"%s"}""".formatted(Neighbours.unique("link"), iban);
    }

    private static String match(String line, String entry) {
        return """
                {"commandId":"%s","lineIds":["%s"],"entryIds":["%s"]}""".formatted(Neighbours.unique("match"), line, entry);
    }
}
