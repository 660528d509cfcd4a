package nl.wederkerig.api.help;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.PageSession;
import nl.wederkerig.api.support.StoredEvents;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

/** The help form refuses wrong hours, unknown people and empty fields beside the field, and stores nothing. */
@LedgerTest
class HelpFormsHttpTest {

    static final String BAD_HOURS = "Dit is geen aantal uren. Typ bijvoorbeeld 2, of 1,5 voor anderhalf uur, of 0,25 voor een kwartier. Hooguit 24 uur.";
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
    void badHoursAndPeopleAreRefusedBesideTheFieldAndNothingIsStored() {
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "west");
        MemberId lotte = wijk.member("lotte");
        MemberId mo = wijk.member("mo");
        PageSession lottes = PageSession.logIn(port, lotte);

        for (String wrong : new String[]{"abc", "1,33", "25", "-1", "1,5,0", "2 uur"}) {
            refused(lottes, "hours", mo.value(), wrong, "CARE", BAD_HOURS);
        }
        refused(lottes, "hours", mo.value(), "", "CARE", "Vul dit in.");
        refused(lottes, "hours", mo.value(), "0", "CARE", "Het aantal uren moet groter zijn dan nul.");
        refused(lottes, "receiver", "nobody-here", "1", "CARE", "Deze buur is niet bekend.");
        refused(lottes, "receiver", lotte.value(), "1", "CARE", "Je kunt jezelf geen hulp geven.");
        refused(lottes, "receiver", "", "1", "CARE", "Vul dit in.");
        refused(lottes, "kind", mo.value(), "1", "", "Vul dit in.");

        HttpResponse<String> form = lottes.get("/help");
        Map<String, String> fields = fields(form, mo.value(), "2", "CARE");
        assertThat(lottes.post("/help", csrf(form), fields).statusCode()).isEqualTo(302);
        long once = StoredEvents.onceQuiet(jdbc);
        assertThat(lottes.post("/help", csrf(form), fields).statusCode()).as("sent twice").isEqualTo(302);
        fields.put("hours", "3");
        HttpResponse<String> replayed = lottes.post("/help", csrf(form), fields);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(formError(replayed)).startsWith("Dit formulier is al eens verstuurd met iets anders erin.");
        assertThat(StoredEvents.onceQuiet(jdbc)).isEqualTo(once);
    }

    void refused(PageSession session, String field, String receiver, String hours, String kind, String message) {
        HttpResponse<String> form = session.get("/help");
        long before = StoredEvents.onceQuiet(jdbc);
        HttpResponse<String> answer = session.post("/help", csrf(form), fields(form, receiver, hours, kind));
        assertThat(answer.statusCode()).as(field + " " + hours).isEqualTo(400);
        assertThat(fieldError(answer, field)).as(field + " for " + receiver + "/" + hours + "/" + kind).isEqualTo(message);
        assertThat(StoredEvents.count(jdbc)).as("nothing stored").isEqualTo(before);
    }

    static Map<String, String> fields(HttpResponse<String> form, String receiver, String hours, String kind) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("commandId", hidden(form, "commandId"));
        fields.put("receiver", receiver);
        fields.put("hours", hours);
        fields.put("kind", kind);
        fields.put("date", TODAY);
        return fields;
    }
}
