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

    /**
     * The one-tap answer from "Voor jou" as htmx sends it (with back=home): back to the overview, which
     * no longer lists the advance and says what was saved; a stale form tells htmx to show the advance's
     * own page with its message. Without back=home (no JavaScript) the advance's page follows, as before.
     */
    @Test
    void oneTapFromVoorJouWithHtmxComesBackToTheOverview() {
        String advance = make("12,50");
        String id = advance.substring(advance.lastIndexOf('/') + 1);
        HttpResponse<String> overview = waitForVoorJou(mos, advance + "/acknowledgement");
        assertThat(overview.body()).contains("\"includeIndicatorStyles\":false", "hx-select=\"#for-you-card\"");
        assertThat(overview.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("unsafe-inline");
        Matcher script = Pattern.compile("<script defer src=\"(/webjars/htmx\\.org/[^\"]+\\.js)\"").matcher(overview.body());
        assertThat(script.find()).as("htmx served by the app itself").isTrue();
        assertThat(mos.get(script.group(1)).statusCode()).isEqualTo(200);

        HttpResponse<String> stale = mos.post(advance + "/acknowledgement", csrf(overview), Map.of("commandId", "", "back", "home"));
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.headers().firstValue("HX-Retarget")).contains("main");
        assertThat(stale.headers().firstValue("HX-Push-Url")).contains(advance);

        Matcher form = Pattern.compile("action=\"" + Pattern.quote(advance + "/acknowledgement") + "\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\"[^>]*>\\s*"
                + "<input type=\"hidden\" name=\"commandId\" value=\"([^\"]+)\"").matcher(overview.body());
        assertThat(form.find()).isTrue();
        HttpResponse<String> answered = mos.post(advance + "/acknowledgement", csrf(overview),
                Map.of("commandId", form.group(1), "back", "home"));
        assertThat(answered.statusCode()).isEqualTo(302);
        String home = answered.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(home).isEqualTo("/?answered=" + id + "&done=acknowledged&about=" + id);
        HttpResponse<String> after = mos.get(home);
        assertThat(after.body()).contains("id=\"for-you-card\"", "Opgeslagen: je zei dat het klopt.", "href=\"" + advance + "\"")
                .doesNotContain(advance + "/acknowledgement");
        assertThat(history(mos.get(advance))).contains("Klopt, wordt terugbetaald");
    }

    /** The balances read model follows a moment later: ask for the overview again until it lists the form. */
    private static HttpResponse<String> waitForVoorJou(PageSession who, String action) {
        java.util.concurrent.atomic.AtomicReference<HttpResponse<String>> page = new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> {
            page.set(who.get("/"));
            return page.get().body().contains(action);
        });
        return page.get();
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
