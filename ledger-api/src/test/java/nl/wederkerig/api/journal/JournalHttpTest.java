package nl.wederkerig.api.journal;

import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimburseAdvance;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LedgerTest
class JournalHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    /** This test's own community: its journal holds only this test's entries. */
    OwnCommunity wijk;
    CommunityId west;

    @BeforeEach
    void ownCommunity() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "journal");
        west = wijk.id;
    }

    ResponseEntity<String> get(MemberId as, CommunityId community, String file) {
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD)
                .getForEntity("/api/v1/communities/" + community + "/" + file, String.class);
    }

    /** Amina advances 30.00 for Bram, who pays back 12.50; returns the advance id. */
    AdvanceId advanceAndPartReimbursement(MemberId amina, MemberId bram) {
        AdvanceId advance = AdvanceId.of(Neighbours.unique("adv"));
        LocalDate made = LocalDate.now(LedgerTime.ZONE).minusDays(4);
        commands.sendAndWait(new MakeAdvance(advance, west, amina, bram, Money.eur("30.00"), Purpose.GROCERIES, made, amina));
        commands.sendAndWait(new ReimburseAdvance(advance, CommandId.of("pay-1"), Money.eur("12.50"), made.plusDays(1), bram));
        return advance;
    }

    @Test
    void theCoordinatorDownloadsTheJournalInHledgerFormat() {
        MemberId amina = wijk.member("amina");
        MemberId bram = wijk.member("bram");
        AdvanceId advance = advanceAndPartReimbursement(amina, bram);
        String made = LocalDate.now(LedgerTime.ZONE).minusDays(4).toString();
        MemberId coordinator = wijk.coordinator;

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get(coordinator, west, "journal.hledger").getBody()).contains("(pay-1) advance reimbursed"));
        ResponseEntity<String> response = get(coordinator, west, "journal.hledger");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(response.getHeaders().getFirst("Content-Disposition")).contains(west + "-journal.hledger");
        assertThat(response.getBody()).contains("decimal-mark .\ncommodity 1000.00 EUR\n")
                .contains(made + " (" + advance + ") advance made\n"
                        + "    assets:receivable:" + amina + ":" + bram + "  30.00 EUR\n"
                        + "    liabilities:payable:" + bram + ":" + amina + "  -30.00 EUR\n")
                .contains("    assets:receivable:" + amina + ":" + bram + "  -12.50 EUR\n");
    }

    @Test
    void theCoordinatorDownloadsTheJournalAsCsv() {
        MemberId amina = wijk.member("amina");
        MemberId bram = wijk.member("bram");
        AdvanceId advance = advanceAndPartReimbursement(amina, bram);
        MemberId coordinator = wijk.coordinator;

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get(coordinator, west, "journal.csv").getBody()).contains("," + advance + ",advance made,"));
        ResponseEntity<String> response = get(coordinator, west, "journal.csv");

        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        // Dutch unless English is asked for (AccountantCsvHttpTest reads the columns)
        assertThat(response.getBody()).startsWith("boekdatum,vastgelegd,boeking,referentie,omschrijving,rekening,debet_credit,"
                        + "bedrag,eenheid,hoeveelheid,saldo,link\r\n")
                .contains("," + advance + ",advance made,assets:receivable:" + amina + ":" + bram + ",debet,30.00,EUR,3000,30.00,\r\n");
    }

    @Test
    void aNeighbourMayNotDownloadTheWholeBook() {
        // The journal names who owes whom: a neighbour, even one whose own advances are in it, sees only their own.
        MemberId amina = wijk.member("amina");
        MemberId bram = wijk.member("bram");
        advanceAndPartReimbursement(amina, bram);

        ResponseEntity<String> hledger = get(amina, west, "journal.hledger");
        ResponseEntity<String> csv = get(bram, west, "journal.csv");

        assertThat(hledger.getStatusCode().value()).isEqualTo(403);
        assertThat(hledger.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(csv.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void someoneFromAnotherCommunityIsRefusedWithAProblem() {
        MemberId outsider = OwnCommunity.found(commands, accounts, jdbc, "noord").member("outsider");

        ResponseEntity<String> hledger = get(outsider, west, "journal.hledger");
        ResponseEntity<String> csv = get(outsider, west, "journal.csv");

        assertThat(hledger.getStatusCode().value()).isEqualTo(403);
        assertThat(hledger.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(csv.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aMalformedCommunityIdIsABadRequestProblem() {
        MemberId amina = wijk.member("amina");

        ResponseEntity<String> response = get(amina, CommunityId.of("x"), "journal.hledger");
        ResponseEntity<String> bad = http.withBasicAuth(amina.value(), Neighbours.PASSWORD)
                .getForEntity("/api/v1/communities/Not_An_Id/journal.hledger", String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }
}
