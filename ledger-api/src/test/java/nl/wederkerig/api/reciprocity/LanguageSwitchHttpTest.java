package nl.wederkerig.api.reciprocity;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bug: on a partner's report page, switching language reset the chosen period to the year.
 * The switch in the page frame now keeps the query; following it shows the same period in English,
 * for the partner's representative and for the coordinator alike.
 */
@LedgerTest
class LanguageSwitchHttpTest {

    private static final Pattern SWITCH = Pattern.compile("<a class=\"language\" href=\"([^\"]*)\"");

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void switchingLanguageKeepsTheChosenPeriod() {
        Wijk wijk = Wijk.withEntries(commands, accounts, jdbc);
        String page = "/partners/" + wijk.partner();
        String query = "period=custom&from=2026-01-01&to=2026-03-31";
        for (MemberId who : new MemberId[] {wijk.representative(), wijk.community().coordinator}) {
            ResponseEntity<String> dutch = get(who, page + "?" + query);
            assertThat(dutch.getStatusCode().value()).isEqualTo(200);
            String link = switchLink(dutch.getBody());
            assertThat(link).isEqualTo("?" + query + "&lang=en");

            ResponseEntity<String> english = get(who, page + link);
            assertThat(english.getBody()).contains("<html lang=\"en\"")
                    .contains("value=\"2026-01-01\"").contains("value=\"2026-03-31\"")
                    .containsPattern("<option value=\"custom\" selected");
            assertThat(switchLink(english.getBody())).as("and back again, still the same period").isEqualTo("?" + query + "&lang=nl");
        }
    }

    private ResponseEntity<String> get(MemberId as, String path) {
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).getForEntity(path, String.class);
    }

    /** The switch's address as the browser reads it (the page escapes {@code &} as {@code &amp;}). */
    private static String switchLink(String html) {
        Matcher found = SWITCH.matcher(html);
        assertThat(found.find()).as("a language switch on the page").isTrue();
        return found.group(1).replace("&amp;", "&");
    }
}
