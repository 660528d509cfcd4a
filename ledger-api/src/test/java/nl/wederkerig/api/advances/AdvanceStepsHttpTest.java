package nl.wederkerig.api.advances;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.PageSession;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.wederkerig.api.support.PageSession.csrf;
import static nl.wederkerig.api.support.PageSession.hidden;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of an advance the two-browser test does not take, through the same forms: cancel while
 * unanswered, dispute with a reason and acknowledge after all, reverse a reimbursement that never
 * arrived, forgive the rest. Each shows in the advance's history with what was owed after it.
 */
@LedgerTest
class AdvanceStepsHttpTest {

    static final String TODAY = LocalDate.now(LedgerTime.ZONE).toString();

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    MemberId lotte;
    MemberId mo;
    PageSession lottes;
    PageSession mos;

    @BeforeEach
    void setUp() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "west");
        lotte = wijk.member("lotte");
        mo = wijk.member("mo");
        lottes = PageSession.logIn(port, lotte);
        mos = PageSession.logIn(port, mo);
    }

    String make(String amount) {
        HttpResponse<String> form = lottes.get("/advances");
        HttpResponse<String> made = lottes.post("/advances", csrf(form), Map.of("commandId", hidden(form, "commandId"),
                "borrower", mo.value(), "amount", amount, "purpose", "HOUSEHOLD", "date", TODAY));
        assertThat(made.statusCode()).isEqualTo(302);
        return made.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "");
    }

    /** Sends the form {@code step} on the advance's page, with the id of its own form ({@code idOf} names the form). */
    HttpResponse<String> step(PageSession who, String advance, String step, String form, Map<String, String> fields) {
        HttpResponse<String> page = who.get(advance);
        Matcher id = Pattern.compile("action=\"" + Pattern.quote(advance + "/" + step) + "\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\"[^>]*>\\s*"
                + "(?:<p[^>]*>[^<]*</p>\\s*)?<input type=\"hidden\" name=\"commandId\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(id.find()).as("the " + form + " form on " + advance).isTrue();
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("commandId", id.group(1));
        HttpResponse<String> answer = who.post(advance + "/" + step, csrf(page), all);
        assertThat(answer.statusCode()).as(step + ": " + PageSession.formError(answer)).isEqualTo(302);
        return who.get(advance);
    }

    static String history(HttpResponse<String> page) {
        return page.body().replace('\u00a0', ' ');
    }

    @Test
    void cancelWhileUnanswered() {
        String advance = make("8");
        HttpResponse<String> after = step(lottes, advance, "cancellation", "cancel", Map.of());
        assertThat(history(after)).contains("Ingetrokken", "jij trok het voorschot in.", "Daarna nog open: € 0,00");
        assertThat(history(mos.get(advance))).contains(lotte.value() + " trok het voorschot in.");
    }

    @Test
    void disputeThenAcknowledgeReimburseReverseAndForgive() {
        String advance = make("40,00");
        step(mos, advance, "dispute", "dispute", Map.of("disputeReason", "AMOUNT_WRONG"));
        assertThat(history(lottes.get(advance))).contains("Betwist: klopt niet volgens de ander",
                mo.value() + " zei: dit klopt niet (het bedrag klopt niet).");
        step(mos, advance, "acknowledgement", "acknowledge", Map.of());
        step(mos, advance, "reimbursement", "reimburse", Map.of("reimburseAmount", "15"));
        HttpResponse<String> page = mos.get(advance);
        Matcher paid = Pattern.compile("<option value=\"([^\"]+)\"[^>]*>€ 15,00").matcher(page.body().replace('\u00a0', ' '));
        assertThat(paid.find()).as("the reimbursement to reverse").isTrue();
        HttpResponse<String> reversed = step(mos, advance, "reversal", "reverse",
                Map.of("reversalOf", paid.group(1), "reversalReason", "RETURNED_BY_BANK"));
        assertThat(history(reversed)).contains("jij draaide een terugbetaling van € 15,00 terug (de bank heeft het teruggestort).",
                "Daarna nog open: € 40,00", "Teruggedraaid");
        HttpResponse<String> forgiven = step(lottes, advance, "forgiveness", "forgive", Map.of());
        assertThat(history(forgiven)).contains("Kwijtgescholden", "jij schold € 40,00 kwijt.", "Daarna nog open: € 0,00");
    }
}
