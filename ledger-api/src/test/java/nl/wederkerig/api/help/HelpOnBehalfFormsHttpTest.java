package nl.wederkerig.api.help;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.PageSession;
import nl.wederkerig.api.support.StoredEvents;
import nl.wederkerig.core.community.NameHelper;
import nl.wederkerig.core.community.WithdrawHelper;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static nl.wederkerig.api.support.PageSession.csrf;
import static nl.wederkerig.api.support.PageSession.fieldError;
import static nl.wederkerig.api.support.PageSession.hidden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, flow 10, on the help form: a neighbour Mrs X named as her helper records help she gave;
 * Mrs X's help page says who recorded it on her behalf. Once she withdraws the consent the form
 * refuses beside the "namens" field and stores nothing.
 */
@LedgerTest
class HelpOnBehalfFormsHttpTest {

    static final String TODAY = LocalDate.now(LedgerTime.ZONE).toString();

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNamedHelperRecordsHelpForHerAndSheSeesItUntilSheWithdrawsTheConsent() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "namens");
        MemberId mrsX = wijk.member("mrsx");
        MemberId mo = wijk.member("mo");
        MemberId lotte = wijk.member("lotte");
        LocalDate today = LocalDate.now(LedgerTime.ZONE);
        commands.sendAndWait(new NameHelper(wijk.id, CommandId.of("named"), lotte, today, mrsX));
        PageSession lottes = PageSession.logIn(port, lotte);

        await().atMost(Duration.ofSeconds(15)).until(() -> lottes.get("/help").body().contains("id=\"onBehalfOf\""));
        HttpResponse<String> form = lottes.get("/help");
        assertThat(form.body()).contains("<option value=\"" + mrsX.value() + "\"");
        HttpResponse<String> recorded = lottes.post("/help", csrf(form), fields(form, mrsX.value(), mo.value()));
        assertThat(recorded.statusCode()).isEqualTo(302);

        PageSession hers = PageSession.logIn(port, mrsX);
        await().atMost(Duration.ofSeconds(15)).until(() -> hers.get("/help").body()
                .contains("Vastgelegd door " + lotte.value() + " namens jou."));

        commands.sendAndWait(new WithdrawHelper(wijk.id, CommandId.of("withdrawn"), lotte, today, mrsX));
        HttpResponse<String> again = lottes.get("/help");
        long before = StoredEvents.onceQuiet(jdbc);
        HttpResponse<String> refused = lottes.post("/help", csrf(again), fields(again, mrsX.value(), mo.value()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(fieldError(refused, "onBehalfOf")).isEqualTo("Dit mag jij niet doen.");
        assertThat(StoredEvents.count(jdbc)).as("nothing stored").isEqualTo(before);
    }

    static Map<String, String> fields(HttpResponse<String> form, String onBehalfOf, String receiver) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("commandId", hidden(form, "commandId"));
        fields.put("onBehalfOf", onBehalfOf);
        fields.put("receiver", receiver);
        fields.put("hours", "1,5");
        fields.put("kind", "CARE");
        fields.put("date", TODAY);
        return fields;
    }
}
