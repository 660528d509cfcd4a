package nl.wederkerig.api.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.LedgerTest;
import nl.wederkerig.api.support.Neighbours;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.MakeAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.claims.ApproveClaim;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.SubmitClaim;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.PayApprovedClaim;
import nl.wederkerig.core.funds.RecordContribution;
import nl.wederkerig.core.harness.RequiredTools;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The accountant's exports over HTTP: an initiative's CSV for its treasurers and kascommissie (and
 * the coordinators), read back with an RFC 4180 parser, and one business year of the whole book
 * that hledger and ledger-cli check on their own.
 */
@LedgerTest
class AccountantExportsHttpTest {

    static final List<String> ENGLISH = List.of("date", "recorded", "entry", "reference", "description", "account",
            "debit_credit", "amount", "unit", "quantity", "balance", "link");

    @Autowired
    TestRestTemplate http;
    @Autowired
    LoginStore accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    final ObjectMapper json = new ObjectMapper();

    final LocalDate today = LocalDate.now(LedgerTime.ZONE);
    OwnCommunity wijk;
    MemberId tessa;
    MemberId bram;
    InitiativeId meals;
    ClaimId claim;

    /** Meals gets two grants; Bram's claim for 12.50 is approved and paid; Amina lends Bram 30.00 besides. */
    @BeforeEach
    void aFundWithAPaidClaim() {
        wijk = OwnCommunity.found(commands, accounts, jdbc, "books");
        tessa = wijk.member("tessa");
        bram = wijk.member("bram");
        MemberId amina = wijk.member("amina");
        meals = wijk.initiative("meals");
        wijk.treasurer(tessa, meals);
        // one business day for everything, so the year is the same for all of it on any day the test runs
        LocalDate day = today.minusDays(3);
        commands.sendAndWait(new RecordContribution(meals, CommandId.of(Neighbours.unique("grant")), Money.eur("100.00"),
                ContributionSource.GRANT, null, Channel.BANK, day, tessa));
        commands.sendAndWait(new RecordContribution(meals, CommandId.of(Neighbours.unique("grant")), Money.eur("20.00"),
                ContributionSource.DONATION, null, Channel.CASH_BOX, day, tessa));
        claim = ClaimId.of(Neighbours.unique("claim"));
        commands.sendAndWait(new SubmitClaim(claim, wijk.id, meals, Money.eur("12.50"), ExpenseCategory.FOOD,
                ReceiptReference.of("bon-1"), day, bram));
        commands.sendAndWait(new ApproveClaim(claim, CommandId.of(Neighbours.unique("ok")), day, tessa));
        commands.sendAndWait(new PayApprovedClaim(claim, CommandId.of(Neighbours.unique("pay")), Channel.BANK, day, tessa));
        commands.sendAndWait(new MakeAdvance(AdvanceId.of(Neighbours.unique("adv")), wijk.id, amina, bram, Money.eur("30.00"),
                Purpose.GROCERIES, day, amina));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(csv(tessa, meals, "en").getBody()).contains(",claim paid,"));
    }

    ResponseEntity<String> csv(MemberId as, InitiativeId initiative, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).exchange(
                "/api/v1/communities/" + wijk.id + "/initiatives/" + initiative + "/journal.csv", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
    }

    ResponseEntity<String> get(MemberId as, String path) {
        return http.withBasicAuth(as.value(), Neighbours.PASSWORD).getForEntity("/api/v1/communities/" + wijk.id + path, String.class);
    }

    @Test
    void theTreasurerReadsEveryPostingOfTheFundWithItsRunningBalanceAndALinkToTheClaim() {
        ResponseEntity<String> response = csv(tessa, meals, "en");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv").contains("UTF-8");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains(wijk.id + "-" + meals + "-journal.csv");
        List<List<String>> rows = parse(response.getBody());
        assertThat(rows.get(0)).isEqualTo(ENGLISH);
        List<List<String>> postings = rows.subList(1, rows.size());
        // two grants, the approval and the payment: two postings each, all on the initiative's own accounts
        assertThat(postings).hasSize(8).allSatisfy(row -> {
            assertThat(row).hasSize(ENGLISH.size());
            assertThat(row.get(5)).containsPattern("^(assets|income|expenses):initiative:" + meals + ":|^liabilities:claims:" + meals + ":");
        });
        Map<String, Long> running = new HashMap<>();
        for (List<String> row : postings) {
            long quantity = Long.parseLong(row.get(9));
            long balance = running.merge(row.get(5) + "|" + row.get(8), quantity, Long::sum);
            assertThat(new BigDecimal(row.get(10))).as("running balance of %s", row).isEqualTo(BigDecimal.valueOf(balance, 2));
            assertThat(row.get(6)).isEqualTo(quantity < 0 ? "credit" : "debit");
            assertThat(new BigDecimal(row.get(7))).isEqualTo(BigDecimal.valueOf(Math.abs(quantity), 2));
            LocalDate recorded = LocalDate.parse(row.get(1));
            assertThat(recorded).isBetween(today.minusDays(1), today);
        }
        String bank = "assets:initiative:" + meals + ":bank";
        assertThat(postings.stream().filter(row -> row.get(5).equals(bank)).map(row -> row.get(10)).toList())
                .containsExactly("100.00", "87.50");
        String link = "/api/v1/communities/" + wijk.id + "/initiatives/" + meals + "/claims/" + claim;
        List<List<String>> fromTheClaim = postings.stream().filter(row -> !row.get(11).isEmpty()).toList();
        assertThat(fromTheClaim).hasSize(4).allSatisfy(row -> assertThat(row.get(11)).isEqualTo(link));
        assertThat(fromTheClaim).extracting(row -> row.get(4)).containsOnly("claim approved", "claim paid");
        assertThat(fromTheClaim.get(0).get(3)).as("the approval's reference is the claim").isEqualTo(claim.value());
        assertThat(http.withBasicAuth(tessa.value(), Neighbours.PASSWORD).getForEntity(link, String.class).getStatusCode().value())
                .as("the link leads to the claim").isEqualTo(200);
    }

    @Test
    void columnsAreDutchByDefaultAndNoCellStartsLikeAFormula() {
        String body = csv(tessa, meals, "nl").getBody();
        List<List<String>> rows = parse(body);

        assertThat(body).startsWith("boekdatum,vastgelegd,boeking,referentie,omschrijving,rekening,debet_credit,bedrag,eenheid,"
                + "hoeveelheid,saldo,link\r\n");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(6)).containsOnly("debet", "credit");
        // A cell may start with - only as a plain number (a credit, a negative balance): a spreadsheet adds it, runs nothing.
        assertThat(rows).allSatisfy(row -> assertThat(row).allSatisfy(cell ->
                assertThat(cell.isEmpty() || "=+-@".indexOf(cell.charAt(0)) < 0 || cell.matches("-[0-9]+(\\.[0-9]+)?"))
                        .as(cell).isTrue()));
        assertThat(rows.subList(1, rows.size())).anyMatch(row -> row.get(9).startsWith("-"));
    }

    @Test
    void theKascommissieReadsItAndNobodyElseCanTellItFromAnUnknownInitiative() throws Exception {
        MemberId kees = wijk.member("kees");
        wijk.role(kees, Role.auditorOf(meals));
        InitiativeId other = wijk.initiative("other");
        MemberId olga = wijk.member("olga");
        wijk.role(olga, Role.auditorOf(other));
        MemberId tomas = wijk.member("tomas");
        wijk.treasurer(tomas, other);
        MemberId cees = wijk.member("cees");
        InitiativeId unknown = InitiativeId.of(Neighbours.unique("onbekend"));
        MemberId outsider = OwnCommunity.found(commands, accounts, jdbc, "elders").member("olaf");

        assertThat(csv(kees, meals, "en").getBody()).contains(",claim paid,");
        assertThat(csv(wijk.coordinator, meals, "en").getBody()).contains(",claim paid,");
        for (MemberId refused : List.of(cees, olga, tomas, bram, outsider)) {
            ResponseEntity<String> existing = csv(refused, meals, "en");
            ResponseEntity<String> missing = csv(refused, unknown, "en");
            assertThat(existing.getStatusCode().value()).as("%s", refused).isEqualTo(403).isEqualTo(missing.getStatusCode().value());
            assertThat(existing.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            JsonNode seen = json.readTree(existing.getBody());
            JsonNode unseen = json.readTree(missing.getBody());
            assertThat(seen.path("code").asText()).isEqualTo("forbidden");
            for (String field : List.of("code", "title", "status", "detail")) {
                assertThat(seen.path(field)).as("%s of the refusal", field).isEqualTo(unseen.path(field));
            }
        }
        ResponseEntity<String> coordinatorUnknown = csv(wijk.coordinator, unknown, "en");
        assertThat(coordinatorUnknown.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void oneBusinessYearOfTheWholeBookChecksOnItsOwnInHledgerAndLedger() throws Exception {
        int year = today.minusDays(3).getYear();
        ResponseEntity<String> response = get(wijk.coordinator, "/journal.hledger?year=" + year);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains(wijk.id + "-" + year + "-journal.hledger");
        String text = response.getBody();
        assertThat(text).contains(year + "-12-31 (closing-" + year + ") closing balances\n",
                "    assets:initiative:" + meals + ":bank  -87.50 EUR = 0.00 EUR\n", "    equity:opening/closing balances  ");
        Path file = dir.resolve("year.journal");
        Files.writeString(file, text);
        assertThat(run("hledger", "-f", file.toString(), "check")).isZero();
        assertThat(run("hledger", "-f", file.toString(), "balance")).isZero();
        assertThat(run("ledger", "-f", file.toString(), "balance")).isZero();

        ResponseEntity<String> next = get(wijk.coordinator, "/journal.hledger?year=" + (year + 1));
        assertThat(next.getBody()).contains((year + 1) + "-01-01 (opening-" + (year + 1) + ") opening balances\n",
                "    assets:initiative:" + meals + ":bank  87.50 EUR = 87.50 EUR\n");
    }

    @Test
    void aYearOutOfRangeOrNotANumberIsABadRequestAndOnlyTheCoordinatorAsks() {
        ResponseEntity<String> tooEarly = get(wijk.coordinator, "/journal.hledger?year=1969");
        ResponseEntity<String> notANumber = get(wijk.coordinator, "/journal.hledger?year=vorig-jaar");
        ResponseEntity<String> treasurer = get(tessa, "/journal.hledger?year=" + today.getYear());
        ResponseEntity<String> treasurerBadYear = get(tessa, "/journal.hledger?year=1969");

        assertThat(tooEarly.getStatusCode().value()).isEqualTo(400);
        assertThat(tooEarly.getBody()).contains("\"code\":\"bad-request\"");
        assertThat(notANumber.getStatusCode().value()).isEqualTo(400);
        assertThat(treasurer.getStatusCode().value()).isEqualTo(403);
        assertThat(treasurerBadYear.getStatusCode().value()).as("who asks is checked first").isEqualTo(403);
    }

    int run(String... command) throws Exception {
        RequiredTools.require(command[0]);
        Path out = dir.resolve(command[0] + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        if (process.exitValue() != 0) {
            System.out.println(Files.readString(out));
        }
        return process.exitValue();
    }

    /** RFC 4180: fields split by commas, records by CRLF, a quoted field may hold both and doubles its quotes. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertThat(field).as("a quote only opens a field").isEmpty();
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertThat(csv.charAt(i + 1)).as("records end in CRLF").isEqualTo('\n');
                i++;
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                assertThat(c).as("a bare line feed").isNotEqualTo('\n');
                field.append(c);
            }
        }
        assertThat(quoted).as("an unclosed quote").isFalse();
        assertThat(field).as("the last record ends in CRLF").isEmpty();
        return rows;
    }
}
