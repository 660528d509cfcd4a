package nl.wederkerig.api.community;

import com.fasterxml.jackson.databind.JsonNode;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.balances.AdvanceBalances;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Paying back by bank, over HTTP: the lender stores her payout details (sealed), the borrower of an
 * open advance reads them as payment instructions with the GiroCode's text, and nobody else can
 * tell they exist; a bad IBAN or a non-https link stores nothing; after erasure there is nothing to
 * show; and neither the event store nor any table holds the IBAN, the name or the link in clear.
 */
@LedgerTest
class PayoutDetailsHttpTest {

    /** Accounts of this test only (valid check digits), so no other test's data can make a search pass or fail. */
    static final String IBAN_TYPED = "nl81 rabo 0312 3456 78";
    static final String IBAN = "NL81RABO0312345678";
    static final String LINK = "https://tikkie.me/pay/Lotte7q3xk";

    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;
    @Autowired
    LoginStore accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AdvanceBalances balances;

    OwnCommunity community;
    Api api;
    MemberId lotte;
    MemberId mo;
    MemberId outsider;
    String advance;
    String holder;

    @BeforeEach
    void lotteLentMoFiftyEuros() {
        community = OwnCommunity.found(commands, accounts, jdbc, "giro");
        api = new Api(http, community.id);
        lotte = community.member("lotte");
        mo = community.member("mo");
        outsider = community.member("sam");
        holder = "Lotte " + Neighbours.unique("vries");
        advance = Neighbours.unique("adv");
        assertThat(Api.answer(api.post(lotte, "/advances", """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"50.00","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(advance, mo)))).isEqualTo("201");
        await().until(() -> balances.advance(community.id, nl.wederkerig.core.advances.AdvanceId.of(advance)).isPresent());
    }

    @Test
    void theBorrowerReadsTheLendersDetailsAndTheGiroCodeText() {
        assertThat(Api.answer(put(lotte, details(IBAN_TYPED, holder, LINK)))).isEqualTo("200");
        ResponseEntity<JsonNode> own = api.get(lotte, "/members/me/payout-details");
        assertThat(Api.answer(own)).isEqualTo("200");
        assertThat(own.getBody().path("iban").asText()).isEqualTo("NL81 RABO 0312 3456 78");
        assertThat(own.getBody().path("paymentLink").asText()).isEqualTo(LINK);

        ResponseEntity<JsonNode> instructions = await().until(() -> api.get(mo, instructions()),
                answer -> answer.getStatusCode().value() == 200);
        JsonNode body = instructions.getBody();
        assertThat(body.path("iban").asText()).isEqualTo("NL81 RABO 0312 3456 78");
        assertThat(body.path("accountHolder").asText()).isEqualTo(holder);
        assertThat(body.path("amount").path("amount").asText()).isEqualTo("50.00");
        assertThat(body.path("reference").asText()).isEqualTo("WDK-" + advance);
        assertThat(body.path("paymentLink").asText()).isEqualTo(LINK);
        assertThat(body.path("epcPayload").asText().split("\n", -1)).containsExactly(
                "BCD", "002", "1", "SCT", "", holder, IBAN, "EUR50.00", "", "", "WDK-" + advance);
    }

    @Test
    void onlyTheBorrowerSeesThemAndToEveryoneElseTheyAreAsAnUnknownAdvance() {
        assertThat(Api.answer(put(lotte, details(IBAN, holder, null)))).isEqualTo("200");
        await().until(() -> api.get(mo, instructions()).getStatusCode().value() == 200);
        ResponseEntity<JsonNode> unknown = api.get(outsider, "/advances/" + Neighbours.unique("nope") + "/payment-instructions");
        assertThat(Api.answer(unknown)).startsWith("404");

        for (MemberId other : List.of(outsider, lotte)) {
            ResponseEntity<JsonNode> refused = api.get(other, instructions());
            assertThat(Api.answer(refused)).isEqualTo(Api.answer(unknown));
            // The same body but for the address asked for.
            JsonNode refusedBody = refused.getBody().deepCopy();
            JsonNode unknownBody = unknown.getBody().deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) refusedBody).remove("instance");
            ((com.fasterxml.jackson.databind.node.ObjectNode) unknownBody).remove("instance");
            assertThat(refusedBody.toString()).isEqualTo(unknownBody.toString());
        }
        // Nobody else reads Lotte's own details either: "me" is always the one who asks.
        assertThat(Api.answer(api.get(outsider, "/members/me/payout-details"))).startsWith("404");
    }

    @Test
    void aBadIbanOrALinkThatIsNotHttpsStoresNothing() {
        long stored = community.events(community.id.value());

        assertThat(Api.answer(put(lotte, details("NL81RABO0312345679", holder, null)))).isEqualTo("422 iban-invalid");
        assertThat(Api.answer(put(lotte, details(IBAN, holder, "http://tikkie.me/pay/x")))).isEqualTo("422 payment-link-invalid");
        assertThat(Api.answer(put(lotte, details(IBAN, holder, "javascript:alert(1)")))).isEqualTo("422 payment-link-invalid");
        assertThat(Api.answer(put(lotte, details(IBAN, "Lotte\nNL91", null)))).isEqualTo("422 account-holder-invalid");

        assertThat(community.events(community.id.value())).isEqualTo(stored);
        assertThat(Api.answer(api.get(lotte, "/members/me/payout-details"))).startsWith("404");
        assertThat(Api.answer(api.get(mo, instructions()))).startsWith("404");
    }

    @Test
    void removedDetailsAreNoLongerShown() {
        assertThat(Api.answer(put(lotte, details(IBAN, holder, null)))).isEqualTo("200");
        await().until(() -> api.get(mo, instructions()).getStatusCode().value() == 200);

        assertThat(Api.answer(delete(lotte, Neighbours.unique("remove")))).isEqualTo("200");
        await().until(() -> api.get(mo, instructions()).getStatusCode().value() == 404);
        assertThat(Api.answer(delete(lotte, Neighbours.unique("remove")))).isEqualTo("422 no-payout-details");
    }

    @Test
    void afterTheLendersErasureThereIsNoGiroCode() {
        assertThat(Api.answer(put(lotte, details(IBAN, holder, LINK)))).isEqualTo("200");
        await().until(() -> api.get(mo, instructions()).getStatusCode().value() == 200);

        assertThat(Api.answer(api.post(community.coordinator, "/members/" + lotte + "/erasure-requests", step()))).isEqualTo("201");
        assertThat(Api.answer(api.post(lotte, "/members/" + lotte + "/erasure-requests/confirmation", step()))).isEqualTo("200");

        assertThat(Api.answer(api.get(mo, instructions()))).startsWith("404");
        assertThat(Api.answer(api.get(mo, "/advances/" + advance))).as("the debt itself stays").isEqualTo("200");
    }

    @Test
    void neitherTheEventStoreNorAnyTableHoldsTheDetailsInClear() {
        assertThat(Api.answer(put(lotte, details(IBAN_TYPED, holder, LINK)))).isEqualTo("200");
        await().until(() -> api.get(mo, instructions()).getStatusCode().value() == 200);

        List<byte[]> payloads = jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type = 'nl.wederkerig.core.community.PayoutDetailsRecorded'", byte[].class, community.id.value());
        assertThat(payloads).hasSize(1);
        String event = new String(payloads.get(0), StandardCharsets.UTF_8);
        assertThat(event).contains("\"ciphertextBase64\"", "\"keyId\":\"" + lotte + "\"");
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM payout_details WHERE community_id = ?", community.id.value());
        assertThat(rows).hasSize(1);
        for (String clear : List.of(IBAN, "NL81 RABO", "0312345678", holder, "tikkie.me", "Lotte7q3xk")) {
            assertThat(event).as("the stored event").doesNotContainIgnoringCase(clear);
            assertThat(rows.get(0).values().toString()).as("the read model").doesNotContainIgnoringCase(clear);
        }
    }

    private String instructions() {
        return "/advances/" + advance + "/payment-instructions";
    }

    private static String details(String iban, String accountHolder, String link) {
        return """
                {"commandId":"%s","iban":%s,"accountHolder":%s%s}""".formatted(Neighbours.unique("payout"),
                quoted(iban), quoted(accountHolder), link == null ? "" : ",\"paymentLink\":" + quoted(link));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }

    private static String step() {
        return """
                {"commandId":"%s"}""".formatted(Neighbours.unique("erase"));
    }

    private ResponseEntity<JsonNode> put(MemberId as, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).exchange("/api/v1/communities/" + community.id
                + "/members/me/payout-details", HttpMethod.PUT, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> delete(MemberId as, String commandId) {
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).exchange("/api/v1/communities/" + community.id
                + "/members/me/payout-details?commandId=" + commandId, HttpMethod.DELETE, HttpEntity.EMPTY, JsonNode.class);
    }
}
