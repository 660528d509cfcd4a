package nl.wederkerig.api.advances;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.Api;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.PageSession;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.balances.AdvanceBalances;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages without a browser: the "Mijn account" form refuses a link that is not https beside
 * the field and stores nothing, needs its CSRF token, and stores good details; the advance's
 * GiroCode image is served to the borrower only (decoded back to the EPC payload) and not cached,
 * and is a 404 to the lender and to an outsider, as an unknown advance is.
 */
@LedgerTest
class GiroCodePagesHttpTest {

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
    @Autowired
    AdvanceBalances balances;

    @Test
    void theAccountFormStoresDetailsAndOnlyTheBorrowerGetsTheImage() throws Exception {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "giro");
        MemberId lotte = wijk.member("lotte");
        MemberId mo = wijk.member("mo");
        MemberId sam = wijk.member("sam");
        String advance = Neighbours.unique("adv");
        assertThat(Api.answer(new Api(http, wijk.id).post(lotte, "/advances", """
                {"advanceId":"%s","borrower":"%s","amount":{"amount":"12.34","currency":"EUR"},"purpose":"GROCERIES"}"""
                .formatted(advance, mo)))).isEqualTo("201");
        await().until(() -> balances.advance(wijk.id, AdvanceId.of(advance)).isPresent());

        PageSession lottes = PageSession.logIn(port, lotte);
        HttpResponse<String> account = lottes.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        long stored = wijk.events(wijk.id.value());
        Map<String, String> fields = Map.of("commandId", PageSession.hidden(account, "commandId"),
                "iban", "NL86 ASNB 0766 5544 33", "accountHolder", "Lotte de Vries", "paymentLink", "http://tikkie.me/pay/x");

        HttpResponse<String> refused = lottes.post("/account/payout-details", PageSession.csrf(account), fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(PageSession.fieldError(refused, "paymentLink")).startsWith("Dit is geen betaallink");
        assertThat(refused.body()).contains("value=\"NL86 ASNB 0766 5544 33\"");
        HttpResponse<String> forged = lottes.post("/account/payout-details", "not-the-token",
                Map.of("commandId", "payout-forged", "iban", "NL86ASNB0766554433", "accountHolder", "X"));
        // A page form without its session's token is turned away (sent to log in again), never recorded.
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location").orElse("")).doesNotContain("payout=saved");
        assertThat(wijk.events(wijk.id.value())).isEqualTo(stored);

        Map<String, String> good = new java.util.LinkedHashMap<>(fields);
        good.put("paymentLink", "");
        HttpResponse<String> saved = lottes.post("/account/payout-details", PageSession.csrf(refused), good);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/account?payout=saved");
        assertThat(lottes.get("/account?payout=saved").body()).contains("value=\"NL86 ASNB 0766 5544 33\"", "id=\"payout-done\"");

        String image = "/advances/" + advance + "/girocode.png";
        HttpResponse<byte[]> png = PageSession.logIn(port, mo).getBytes(image);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(png.headers().allValues("Cache-Control").toString()).contains("no-store");
        assertThat(GiroCodeTest.decode(png.body()).split("\n", -1)).containsExactly(
                "BCD", "002", "1", "SCT", "", "Lotte de Vries", "NL86ASNB0766554433", "EUR12.34", "", "", "WDK-" + advance);

        assertThat(lottes.getBytes(image).statusCode()).isEqualTo(404);
        assertThat(PageSession.logIn(port, sam).getBytes(image).statusCode()).isEqualTo(404);
        assertThat(PageSession.logIn(port, sam).getBytes("/advances/" + Neighbours.unique("nope") + "/girocode.png")
                .statusCode()).isEqualTo(404);
    }
}
