package nl.wederkerig.api.community;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.eventstore.BrokenEvent;
import nl.wederkerig.api.platform.eventstore.EventChain;
import nl.wederkerig.api.platform.privacy.SubjectKeyCipher;
import nl.wederkerig.api.platform.privacy.SubjectKeys;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.StoredEvents;
import nl.wederkerig.core.community.AssignRole;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.RecordHelp;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.SealedText;
import nl.wederkerig.projections.balances.AdvanceBalances;
import nl.wederkerig.projections.balances.NeighbourBalance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure on request, end to end: a coordinator records it, a second coordinator (or the member)
 * confirms it, and afterwards no table of the database and no journal export holds the member's
 * personal data in a readable form, while every balance and both journal exports are unchanged and
 * the event chain still verifies (the sealed texts stay in the hashed payloads as ciphertext).
 */
@LedgerTest
class ErasureHttpTest {

    static final String NOTE = "Amina heeft een gebroken been tot maart";
    static final String IBAN = "NL91ABNA0417164300";
    static final String RECEIPT = "Bon Albert Heijn Middellandstraat 12,34";

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
    AdvanceBalances balances;
    @Autowired
    EventChain chain;
    @Autowired
    SubjectKeys subjectKeys;

    OwnCommunity community;
    MemberId secondCoordinator;
    MemberId amina;
    MemberId bram;
    Api api;
    List<SealedText> sealed = new ArrayList<>();
    List<HelpId> helpRecords = new ArrayList<>();

    @BeforeEach
    void aMemberWithSealedPersonalDataAndBalances() {
        community = OwnCommunity.found(commands, accounts, jdbc, "erase");
        api = new Api(http, community.id);
        secondCoordinator = community.member("femke");
        commands.sendAndWait(new AssignRole(community.id, CommandId.of(Neighbours.unique("role")), secondCoordinator,
                Role.coordinator(), LocalDate.now(LedgerTime.ZONE), community.coordinator));
        amina = community.member("amina");
        bram = community.member("bram");
        // No endpoint takes personal text yet: seal it the way one will, and store it in events.
        for (String personal : List.of(NOTE, IBAN, RECEIPT)) {
            SealedText text = cipher.seal(amina, personal);
            sealed.add(text);
            HelpId help = HelpId.of(Neighbours.unique("help"));
            helpRecords.add(help);
            commands.sendAndWait(new RecordHelp(help, community.id, bram, amina, Hours.ofMinutes(60), HelpKind.CARE, text,
                    LocalDate.now(LedgerTime.ZONE), bram));
        }
        assertThat(Api.answer(api.post(amina, "/advances", """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"20.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(Neighbours.unique("adv"), bram)))).isEqualTo("201");
        await().until(() -> balances.balanceOf(community.id, bram).iOwe().toString().contains("20.00")
                && balances.balanceOf(community.id, amina).hours().receivedMinutes() == 180);
        await().until(() -> new nl.wederkerig.projections.community.Memberships(jdbc)
                .holds(community.id, secondCoordinator, Role.coordinator()));
    }

    @Test
    void afterErasureNothingReadableIsLeftAndEveryBalanceIsAsItWas() {
        assertThat(sealed).allSatisfy(text -> assertThat(cipher.open(amina, text)).isPresent());
        String keyset = subjectKeys.find(amina).orElseThrow();
        NeighbourBalance aminaBefore = balances.balanceOf(community.id, amina);
        NeighbourBalance bramBefore = balances.balanceOf(community.id, bram);
        String hledgerBefore = export("/journal.hledger");
        String csvBefore = export("/journal.csv");

        assertThat(Api.answer(api.post(community.coordinator, "/members/" + amina + "/erasure-requests", step("ask")))).isEqualTo("201");
        assertThat(accounts.exists(amina.value())).as("nothing is erased before the confirmation").isTrue();
        ResponseEntity<JsonNode> confirmed = api.post(secondCoordinator, "/members/" + amina + "/erasure-requests/confirmation",
                step("confirm"));

        assertThat(Api.answer(confirmed)).isEqualTo("200");
        assertThat(sealed).allSatisfy(text -> assertThat(cipher.open(amina, text)).isEmpty());
        assertThat(subjectKeys.find(amina)).isEmpty();
        assertThat(accounts.exists(amina.value())).isFalse();
        assertThat(Api.answer(api.get(amina, "/members/" + amina + "/balance"))).isEqualTo("401 unauthorized");
        StoredEvents.onceQuiet(jdbc);
        assertThat(balances.balanceOf(community.id, amina)).isEqualTo(aminaBefore);
        assertThat(balances.balanceOf(community.id, bram)).isEqualTo(bramBefore);
        assertThat(export("/journal.hledger")).isEqualTo(hledgerBefore).contains(amina.value());
        assertThat(export("/journal.csv")).isEqualTo(csvBefore);
        List<String> personal = List.of(NOTE, IBAN, RECEIPT, keyset);
        assertThat(List.of(hledgerBefore, csvBefore)).allSatisfy(export -> assertThat(export).doesNotContain(personal));
        byte[] everyTable = everyTableAsBytes();
        for (String text : personal) {
            assertThat(indexOf(everyTable, text.getBytes(StandardCharsets.UTF_8))).as("'%s' in the tables", text).isEqualTo(-1);
        }
        assertThat(chain.verify(List.of()).brokenEvents()).extracting(BrokenEvent::aggregateIdentifier)
                .doesNotContainAnyElementsOf(helpRecords.stream().map(HelpId::value).toList());
    }

    @Test
    void theMemberThemselvesMayConfirm() {
        assertThat(Api.answer(api.post(community.coordinator, "/members/" + amina + "/erasure-requests", step("ask")))).isEqualTo("201");
        assertThat(Api.answer(api.post(amina, "/members/" + amina + "/erasure-requests/confirmation", step("confirm"))))
                .isEqualTo("200");
        assertThat(cipher.open(amina, sealed.get(0))).isEmpty();
        assertThat(cipher.isErased(amina)).isTrue();
    }

    @Test
    void nobodyErasesANeighbourOnTheirOwn() {
        String confirmation = "/members/" + amina + "/erasure-requests/confirmation";
        assertThat(Api.answer(api.post(bram, "/members/" + amina + "/erasure-requests", step("ask")))).isEqualTo("403 forbidden");
        assertThat(Api.answer(api.post(secondCoordinator, confirmation, step("early")))).isEqualTo("422 no-erasure-requested");
        assertThat(Api.answer(api.post(community.coordinator, "/members/" + amina + "/erasure-requests", step("ask")))).isEqualTo("201");
        assertThat(Api.answer(api.post(community.coordinator, "/members/" + amina + "/erasure-requests", step("again"))))
                .isEqualTo("422 erasure-already-requested");
        long stored = community.events(community.id.value());

        assertThat(Api.answer(api.post(community.coordinator, confirmation, step("own")))).isEqualTo("422 erasure-needs-second-person");
        assertThat(Api.answer(api.post(bram, confirmation, step("other")))).isEqualTo("403 forbidden");

        assertThat(community.events(community.id.value())).isEqualTo(stored);
        assertThat(cipher.open(amina, sealed.get(0))).hasValue(NOTE);
        assertThat(accounts.exists(amina.value())).isTrue();
    }

    private String step(String name) {
        return """
                {"commandId":"%s"}""".formatted(Neighbours.unique(name));
    }

    private String export(String path) {
        ResponseEntity<String> answer = http.withBasicAuth(community.coordinator.value(), Neighbours.PASSWORD)
                .getForEntity("/api/v1/communities/" + community.id + path, String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer.getBody();
    }

    /** The contents of every table, every column, as stored: what a copy of the database would give away. */
    private byte[] everyTableAsBytes() {
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = CURRENT_SCHEMA AND table_type IN ('BASE TABLE', 'TABLE')", String.class);
        assertThat(tables).map(String::toLowerCase).contains("domain_event_entry", "subject_key", "account");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String table : tables) {
            jdbc.query("SELECT * FROM \"" + table + "\"", (RowCallbackHandler) row -> {
                ResultSetMetaData columns = row.getMetaData();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    int type = columns.getColumnType(i);
                    byte[] value = type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB
                            ? row.getBytes(i) : text(row.getString(i));
                    if (value != null) {
                        all.writeBytes(value);
                        all.write('\n');
                    }
                }
            });
        }
        assertThat(indexOf(all.toByteArray(), sealed.get(0).ciphertextBase64().getBytes(StandardCharsets.UTF_8)))
                .as("the sealed note is in the tables as ciphertext").isNotNegative();
        return all.toByteArray();
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
