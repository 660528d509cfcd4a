package nl.wederkerig.api.balances;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.api.support.PageSession;
import nl.wederkerig.core.advances.AcknowledgeAdvance;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.DisputeAdvance;
import nl.wederkerig.core.advances.DisputeReason;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.balances.AdvanceBalances;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Met elke buur" nets what two neighbours owe each other between the two of them only, shows what
 * stands disputed apart, and never brings a third neighbour into it.
 */
@LedgerTest
class NeighbourPagesHttpTest {

    static final LocalDate DAY = LocalDate.now(LedgerTime.ZONE).minusDays(3);

    @LocalServerPort
    int port;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AdvanceBalances balances;

    OwnCommunity wijk;

    @Test
    void nettedBetweenTwoOnlyWithTheDisputedAmountApart() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "west");
        MemberId lotte = wijk.member("lotte");
        MemberId mo = wijk.member("mo");
        MemberId kees = wijk.member("kees");
        acknowledged(lotte, mo, "10.00");
        acknowledged(mo, lotte, "4.00");
        acknowledged(lotte, kees, "7.00");
        AdvanceId disputed = made(lotte, mo, "3.00");
        commands.sendAndWait(new DisputeAdvance(disputed, CommandId.of(Neighbours.unique("d")), DisputeReason.AMOUNT_WRONG, DAY, mo));
        await().atMost(Duration.ofSeconds(15)).until(() -> balances.balanceOf(wijk.id, mo).disputedIOwe().cents() == 300
                && balances.balanceOf(wijk.id, lotte).owedToMe().cents() == 1700);

        HttpResponse<String> lottes = PageSession.logIn(port, lotte).get("/neighbours");
        assertThat(lottes.statusCode()).isEqualTo(200);
        assertThat(text(lottes, "net-" + mo.value())).isEqualTo(mo.value() + " moet jou nog € 6,00 betalen");
        assertThat(text(lottes, "disputed-" + mo.value())).isEqualTo("Apart daarvan: " + mo.value() + " zegt dat € 3,00 niet klopt. Dat telt hierboven niet mee.");
        assertThat(text(lottes, "net-" + kees.value())).isEqualTo(kees.value() + " moet jou nog € 7,00 betalen");

        HttpResponse<String> mos = PageSession.logIn(port, mo).get("/neighbours");
        assertThat(text(mos, "net-" + lotte.value())).isEqualTo("Jij moet " + lotte.value() + " nog € 6,00 betalen");
        assertThat(text(mos, "disputed-" + lotte.value())).isEqualTo("Apart daarvan: jij zegt dat € 3,00 niet klopt. Dat telt hierboven niet mee.");
        assertThat(mos.body()).as("never a third neighbour's affairs").doesNotContain(kees.value());
    }

    private void acknowledged(MemberId lender, MemberId borrower, String amount) {
        AdvanceId advance = made(lender, borrower, amount);
        commands.sendAndWait(new AcknowledgeAdvance(advance, CommandId.of(Neighbours.unique("k")), DAY, borrower));
    }

    private AdvanceId made(MemberId lender, MemberId borrower, String amount) {
        AdvanceId advance = AdvanceId.of(Neighbours.unique("adv"));
        commands.sendAndWait(new MakeAdvance(advance, wijk.id, lender, borrower, Money.eur(amount), Purpose.OTHER, DAY, lender));
        return advance;
    }

    static String text(HttpResponse<String> page, String id) {
        Matcher element = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(page.body());
        assertThat(element.find()).as("element #" + id).isTrue();
        return element.group(1).replace('\u00a0', ' ').trim();
    }
}
