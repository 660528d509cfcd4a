package nl.wederkerig.api.advances;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.PageSession;
import nl.wederkerig.api.support.StoredEvents;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static nl.wederkerig.api.support.PageSession.csrf;
import static nl.wederkerig.api.support.PageSession.fieldError;
import static nl.wederkerig.api.support.PageSession.formError;
import static nl.wederkerig.api.support.PageSession.hidden;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advance forms refuse bad input the way a person can understand: a plain Dutch message beside
 * the field (or above the form), the form again with what was typed, status 400, and nothing
 * stored anywhere (events counted store-wide). A form sent twice records once.
 */
@LedgerTest
class AdvanceFormsHttpTest {

    static final String BAD_AMOUNT = "Dit is geen bedrag. Typ alleen cijfers, met een komma of punt voor de centen, bijvoorbeeld 12,50.";
    static final String REQUIRED = "Vul dit in.";
    static final String TODAY = LocalDate.now(LedgerTime.ZONE).toString();

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    OwnCommunity wijk;
    MemberId lotte;
    MemberId mo;
    PageSession lottes;

    @BeforeEach
    void setUp() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "west");
        lotte = wijk.member("lotte");
        mo = wijk.member("mo");
        lottes = PageSession.logIn(port, lotte);
    }

    Map<String, String> advance(HttpResponse<String> form, String borrower, String amount, String purpose, String date) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("commandId", hidden(form, "commandId"));
        fields.put("borrower", borrower);
        fields.put("amount", amount);
        fields.put("purpose", purpose);
        fields.put("date", date);
        return fields;
    }

    /** Sends the make form with one field changed and checks the message beside that field; nothing stored. */
    void refused(String field, String borrower, String amount, String purpose, String date, String message) {
        HttpResponse<String> form = lottes.get("/advances");
        long before = StoredEvents.onceQuiet(jdbc);

        HttpResponse<String> answer = lottes.post("/advances", csrf(form), advance(form, borrower, amount, purpose, date));

        assertThat(answer.statusCode()).as(field + " " + amount).isEqualTo(400);
        assertThat(fieldError(answer, field)).as("message beside " + field + " for " + borrower + "/" + amount + "/" + date)
                .isEqualTo(message);
        assertThat(answer.body()).as("what was typed is kept").contains("value=\"" + escaped(amount) + "\"");
        assertThat(answer.body()).as("the message is tied to its field")
                .containsPattern("id=\"" + field + "\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"[^\"]*" + field + "-error\"");
        assertThat(StoredEvents.count(jdbc)).as("nothing stored").isEqualTo(before);
    }

    static String escaped(String typed) {
        return typed.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    @Test
    void wrongAmountsAreRefusedBesideTheAmount() {
        for (String wrong : new String[]{"12,5,0", "-3", "abc", "1.250,00", "12,505", "€ -1", "1e3"}) {
            refused("amount", mo.value(), wrong, "GROCERIES", TODAY, BAD_AMOUNT);
        }
        refused("amount", mo.value(), "", "GROCERIES", TODAY, REQUIRED);
        refused("amount", mo.value(), "0,00", "GROCERIES", TODAY, "Het bedrag moet groter zijn dan nul.");
        refused("amount", mo.value(), "9999999,99", "GROCERIES", TODAY, "Het bedrag is te hoog.");
    }

    @Test
    void unknownOrMissingPeopleAreRefusedBesideTheName() {
        refused("borrower", "nobody-here", "12,50", "GROCERIES", TODAY, "Deze buur is niet bekend.");
        refused("borrower", "Mo Bakker!", "12,50", "GROCERIES", TODAY,
                "Dit is geen naam die iemand hier kan hebben. Gebruik kleine letters en cijfers, zoals mo.");
        refused("borrower", lotte.value(), "12,50", "GROCERIES", TODAY, "Je kunt jezelf geen geld voorschieten.");
        refused("borrower", "", "12,50", "GROCERIES", TODAY, REQUIRED);
        refused("date", mo.value(), "12,50", "GROCERIES", "32-13-2026", "Dit is geen datum. Typ de datum zo: 5-11-2026.");
        refused("date", mo.value(), "12,50", "GROCERIES", "", REQUIRED);
        refused("date", mo.value(), "12,50", "GROCERIES", "1999-01-01", "Deze datum kan niet.");
        refused("purpose", mo.value(), "12,50", "LUXURY", TODAY, "Kies waarvoor je betaald hebt.");
    }

    @Test
    void theSameFormSentTwiceRecordsOnceAndAnOldFormWithOtherContentChangesNothing() {
        HttpResponse<String> form = lottes.get("/advances");
        Map<String, String> fields = advance(form, mo.value(), "12.50", "PHARMACY", TODAY);
        long before = StoredEvents.onceQuiet(jdbc);

        HttpResponse<String> first = lottes.post("/advances", csrf(form), fields);
        assertThat(first.statusCode()).isEqualTo(302);
        String advancePage = first.headers().firstValue("Location").orElseThrow();
        long afterFirst = StoredEvents.onceQuiet(jdbc);
        assertThat(afterFirst).isGreaterThan(before);

        HttpResponse<String> again = lottes.post("/advances", csrf(form), fields);
        assertThat(again.statusCode()).as("a double tap").isEqualTo(302);
        assertThat(again.headers().firstValue("Location")).hasValue(advancePage);

        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put("amount", "99,00");
        HttpResponse<String> replayed = lottes.post("/advances", csrf(form), changed);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(formError(replayed)).isEqualTo("Dit formulier is al eens verstuurd met iets anders erin. Er is niets veranderd. "
                + "Laad de pagina opnieuw en probeer het nog een keer.");
        assertThat(StoredEvents.onceQuiet(jdbc)).isEqualTo(afterFirst);
        assertThat(lottes.get(advancePage.replaceFirst("^https?://[^/]+", "")).body())
                .contains("12,50").doesNotContain("99,00");
    }

    @Test
    void aReimbursementTooLargeOrWrongIsRefusedBesideItsAmount() {
        HttpResponse<String> form = lottes.get("/advances");
        HttpResponse<String> made = lottes.post("/advances", csrf(form), advance(form, mo.value(), "50", "GROCERIES", TODAY));
        String advancePage = made.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")
                .replaceFirst("\\?.*", "");
        PageSession mos = PageSession.logIn(port, mo);
        HttpResponse<String> page = mos.get(advancePage);
        HttpResponse<String> acknowledged = mos.post(advancePage + "/acknowledgement", csrf(page),
                Map.of("commandId", hidden(page, "commandId")));
        assertThat(acknowledged.statusCode()).isEqualTo(302);

        for (String[] wrong : new String[][]{{"50,01", "Je betaalt meer terug dan er nog openstaat."}, {"12,5,0", BAD_AMOUNT},
                {"-3", BAD_AMOUNT}, {"abc", BAD_AMOUNT}, {"", REQUIRED}}) {
            HttpResponse<String> now = mos.get(advancePage);
            long before = StoredEvents.onceQuiet(jdbc);
            HttpResponse<String> answer = mos.post(advancePage + "/reimbursement", csrf(now),
                    Map.of("commandId", hidden(now, "commandId"), "reimburseAmount", wrong[0]));
            assertThat(answer.statusCode()).as(wrong[0]).isEqualTo(400);
            assertThat(fieldError(answer, "reimburseAmount")).as(wrong[0]).isEqualTo(wrong[1]);
            assertThat(StoredEvents.count(jdbc)).as("nothing stored for " + wrong[0]).isEqualTo(before);
        }
    }

    @Test
    void aDisputeNeedsAReasonAndAnotherNeighboursAdvanceDoesNotExistForThem() {
        HttpResponse<String> form = lottes.get("/advances");
        HttpResponse<String> made = lottes.post("/advances", csrf(form), advance(form, mo.value(), "8", "TRANSPORT", TODAY));
        String advancePage = made.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")
                .replaceFirst("\\?.*", "");
        PageSession mos = PageSession.logIn(port, mo);
        HttpResponse<String> page = mos.get(advancePage);
        PageSession strangers = PageSession.logIn(port, wijk.member("kees"));
        long before = StoredEvents.onceQuiet(jdbc);

        HttpResponse<String> noReason = mos.post(advancePage + "/dispute", csrf(page),
                Map.of("commandId", hidden(page, "commandId"), "disputeReason", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(fieldError(noReason, "disputeReason")).isEqualTo(REQUIRED);

        HttpResponse<String> overview = strangers.get("/");
        assertThat(strangers.get(advancePage).statusCode()).isEqualTo(404);
        assertThat(strangers.post(advancePage + "/acknowledgement", csrf(overview), Map.of("commandId", "step-stranger")).statusCode())
                .isEqualTo(404);
        assertThat(StoredEvents.onceQuiet(jdbc)).isEqualTo(before);
    }
}
