package nl.wederkerig.projections.journal;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.AdvanceReimbursed;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.harness.RequiredTools;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.HelpRecorded;
import nl.wederkerig.core.journal.Unit;
import nl.wederkerig.core.reconciliation.PeriodClosed;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The journal split per business year ({@code hledger close --clopen} style), checked by the real
 * tools on a generated book of three years: every year alone passes {@code hledger check},
 * {@code hledger balance} and {@code ledger balance}; each year opens with what the whole book
 * holds at the end of the year before and closes what the next one opens; and the years' own
 * entries together are the whole book. Debts, claims and the fund cross every year end, and a
 * period close on 31 December asserts the balance just before the year is closed.
 */
class JournalYearsTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final List<MemberId> MEMBERS = List.of(MemberId.of("amina"), MemberId.of("bram"), MemberId.of("cees"),
            MemberId.of("dewi"));
    static final Iban ACCOUNT = Iban.parse("NL91ABNA0417164300");
    static final Instant AT = Instant.parse("2026-12-31T10:00:00Z");
    static final List<Year> YEARS = List.of(Year.of(2024), Year.of(2025), Year.of(2026));
    static final long SEED = 20_261_202L;
    static final long TOOL_TIMEOUT_SECONDS = 30;
    static final String CLOPEN = "not:desc:^(opening|closing) balances$";

    static JournalPostings journal;
    static final Map<Year, Path> files = new LinkedHashMap<>();
    static Path whole;
    static int events;

    @TempDir
    static Path dir;

    @BeforeAll
    static void recordThreeYears() throws Exception {
        JdbcTemplate jdbc = ReadModelDatabase.fresh();
        journal = new JournalPostings(jdbc);
        List<Object> book = generatedBook();
        events = book.size();
        GivenEvents.into(journal).given(book.toArray());
        for (Year year : YEARS) {
            StringWriter out = new StringWriter();
            journal.exportHledgerYear(WEST, year, out);
            files.put(year, write("book-" + year, out.toString()));
        }
        StringWriter out = new StringWriter();
        journal.exportHledger(WEST, out);
        whole = write("book", out.toString());
    }

    /**
     * A fund that receives grants and pays claims (some approved in one year and paid in the
     * next), advances between four neighbours paid back in part across year ends, help in
     * minutes, a period close at the end of every quarter asserting the fund's bank balance.
     */
    static List<Object> generatedBook() {
        Random random = new Random(SEED);
        List<Object> book = new ArrayList<>();
        Map<String, Long> outstanding = new TreeMap<>();
        Map<String, Long> approvedClaims = new TreeMap<>();
        long bank = 0;
        int n = 0;
        LocalDate quarterEnd = LocalDate.of(2024, 3, 31);
        for (LocalDate day = LocalDate.of(2024, 1, 3); !day.isAfter(LocalDate.of(2026, 12, 31)); day = day.plusDays(1 + random.nextInt(6))) {
            n++;
            if (day.isAfter(quarterEnd)) {
                book.add(closed(quarterEnd, bank));
                quarterEnd = quarterEnd.plusDays(1).plusMonths(3).minusDays(1);
            }
            MemberId lender = MEMBERS.get(random.nextInt(MEMBERS.size()));
            MemberId borrower = MEMBERS.get((MEMBERS.indexOf(lender) + 1 + random.nextInt(MEMBERS.size() - 1)) % MEMBERS.size());
            switch (random.nextInt(5)) {
                case 0 -> {
                    long cents = 1_000 + random.nextInt(40_000);
                    bank += cents;
                    book.add(new ContributionReceived(MEALS, WEST, CommandId.of("g" + n), cents(cents),
                            ContributionSource.GRANT, null, Channel.BANK, day, lender, AT));
                }
                case 1 -> {
                    long cents = 100 + random.nextInt(9_000);
                    outstanding.put("a" + n, cents);
                    book.add(new AdvanceMade(AdvanceId.of("a" + n), WEST, lender, borrower, cents(cents), Purpose.GROCERIES,
                            day, lender, AT));
                }
                case 2 -> {
                    if (outstanding.isEmpty()) {
                        break;
                    }
                    String advance = outstanding.keySet().iterator().next();
                    long left = outstanding.get(advance);
                    long paid = Math.max(1, left / (1 + random.nextInt(3)));
                    outstanding.put(advance, left - paid);
                    if (left - paid == 0) {
                        outstanding.remove(advance);
                    }
                    book.add(new AdvanceReimbursed(AdvanceId.of(advance), WEST, CommandId.of("r" + n), cents(paid),
                            cents(left - paid), day, lender, AT));
                }
                case 3 -> book.add(new HelpRecorded(HelpId.of("h" + n), WEST, lender, borrower, Hours.ofMinutes(15 + random.nextInt(240)),
                        HelpKind.COMPANY, null, day, lender, AT));
                default -> {
                    long cents = 100 + random.nextInt(5_000);
                    if (!approvedClaims.isEmpty() && bank >= approvedClaims.values().iterator().next()) {
                        String claim = approvedClaims.keySet().iterator().next();
                        long amount = approvedClaims.remove(claim);
                        bank -= amount;
                        book.add(new ClaimPaid(MEALS, WEST, CommandId.of("p" + n), ClaimId.of(claim), MemberId.of("bram"),
                                lender, cents(amount), Channel.BANK, day, lender, AT));
                    }
                    approvedClaims.put("c" + n, cents);
                    book.add(new ClaimApproved(ClaimId.of("c" + n), WEST, MEALS, CommandId.of("ok" + n), MemberId.of("bram"),
                            cents(cents), ExpenseCategory.FOOD, day, lender, AT));
                }
            }
        }
        book.add(closed(quarterEnd, bank));
        return book;
    }

    static Money cents(long cents) {
        return Money.ofCents(cents, Money.EUR);
    }

    /** The quarter ending on {@code end} closed with the fund's bank balance then. */
    static PeriodClosed closed(LocalDate end, long bankCents) {
        return new PeriodClosed(MEALS, WEST, CommandId.of("close-" + end), ACCOUNT, end.plusDays(1).minusMonths(3), end,
                cents(bankCents), end.plusDays(1), MemberId.of("dewi"), AT);
    }

    @Test
    void everyYearChecksOnItsOwnInBothTools() throws Exception {
        assertThat(events).isGreaterThan(200);
        for (Year year : YEARS) {
            Path file = files.get(year);
            assertThat(run("hledger", "-f", file.toString(), "check")).as("hledger check %s", year).isZero();
            assertThat(run("hledger", "-f", file.toString(), "balance")).as("hledger balance %s", year).isZero();
            assertThat(run("ledger", "-f", file.toString(), "balance")).as("ledger balance %s", year).isZero();
            assertThat(Files.readString(file)).as("a close asserts the bank balance within the year").contains(" period closed\n");
        }
    }

    @Test
    void eachYearOpensWithWhatTheWholeBookHeldTheDayBeforeAndClosesToZero() throws Exception {
        for (Year year : YEARS) {
            Map<String, Long> opened = postings(clopenEntry(files.get(year), "opening-" + year));
            Map<String, Long> carried = balanceSheet(balances(List.of(whole), year.atDay(1).toString(), null));
            assertThat(opened).as("opening %s", year).isEqualTo(carried);

            Map<String, Long> closed = postings(clopenEntry(files.get(year), "closing-" + year));
            Map<String, Long> atYearEnd = balanceSheet(balances(List.of(whole), year.plusYears(1).atDay(1).toString(), null));
            assertThat(negated(closed)).as("closing %s", year).isEqualTo(atYearEnd);
            assertThat(balanceSheet(balances(List.of(files.get(year)), null, null))).as("after closing %s", year).isEmpty();
        }
        assertThat(postings(clopenEntry(files.get(Year.of(2024)), "opening-2024"))).as("nothing before the first year").isEmpty();
        assertThat(postings(clopenEntry(files.get(Year.of(2025)), "opening-2025")))
                .as("a debt, a claim or the fund crosses the year end").isNotEmpty();
    }

    @Test
    void aYearsClosingIsTheNextYearsOpeningTurnedAround() throws Exception {
        for (int i = 0; i + 1 < YEARS.size(); i++) {
            Year year = YEARS.get(i);
            Year next = YEARS.get(i + 1);
            assertThat(negated(postings(clopenEntry(files.get(year), "closing-" + year))))
                    .isEqualTo(postings(clopenEntry(files.get(next), "opening-" + next)));
        }
    }

    @Test
    void theYearsTogetherAreTheWholeBook() throws Exception {
        List<Path> all = List.copyOf(files.values());
        assertThat(balances(all, null, CLOPEN)).isEqualTo(balances(List.of(whole), null, null)).isNotEmpty();
        // with the opening and closing entries too, every year end cancels out: what stays is the last year's close
        Map<String, Long> together = balances(all, null, "not:acct:^equity:");
        Map<String, Long> expected = new TreeMap<>(balances(List.of(whole), null, null));
        Map<String, Long> lastClosing = postings(clopenEntry(files.get(YEARS.get(YEARS.size() - 1)), "closing-2026"));
        lastClosing.forEach((key, quantity) -> expected.merge(key, quantity, Long::sum));
        expected.values().removeIf(quantity -> quantity == 0);
        assertThat(together).isEqualTo(expected);
    }

    @Test
    void aYearWithoutEntriesStillCarriesTheBalanceSheet() throws Exception {
        StringWriter out = new StringWriter();
        journal.exportHledgerYear(WEST, Year.of(2027), out);
        Path file = write("book-2027", out.toString());
        assertThat(run("hledger", "-f", file.toString(), "check")).isZero();
        assertThat(run("ledger", "-f", file.toString(), "balance")).isZero();
        assertThat(negated(postings(clopenEntry(file, "closing-2027")))).isEqualTo(postings(clopenEntry(file, "opening-2027")));
    }

    // --- reading the files

    static Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name + ".journal");
        Files.writeString(file, text);
        return file;
    }

    /** The lines of one opening or closing entry, by its code; empty when the file has none. */
    static List<String> clopenEntry(Path file, String code) throws Exception {
        List<String> lines = Files.readAllLines(file);
        List<String> entry = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            if (line.contains(" (" + code + ") ")) {
                in = true;
            } else if (in && line.isBlank()) {
                break;
            } else if (in) {
                entry.add(line.trim());
            }
        }
        return entry;
    }

    /** account|unit to quantity for every posting of an entry except the equity one. */
    static Map<String, Long> postings(List<String> entry) {
        Map<String, Long> postings = new TreeMap<>();
        for (String line : entry) {
            if (line.startsWith(HledgerWriter.EQUITY)) {
                continue;
            }
            String[] parts = line.split("  ")[1].split(" = ")[0].split(" ");
            Unit unit = Unit.valueOf(parts[1]);
            postings.merge(line.split("  ")[0] + "|" + unit, new BigDecimal(parts[0]).movePointRight(unit.decimals()).longValueExact(),
                    Long::sum);
        }
        return postings;
    }

    static Map<String, Long> negated(Map<String, Long> quantities) {
        Map<String, Long> negated = new TreeMap<>();
        quantities.forEach((key, quantity) -> negated.put(key, -quantity));
        return negated;
    }

    static Map<String, Long> balanceSheet(Map<String, Long> balances) {
        Map<String, Long> sheet = new TreeMap<>(balances);
        sheet.keySet().removeIf(key -> !key.startsWith("assets:") && !key.startsWith("liabilities:"));
        return sheet;
    }

    /** hledger's balance of the files read together, before {@code endExclusive} when given, as account|unit to smallest units. */
    static Map<String, Long> balances(List<Path> books, String endExclusive, String query) throws Exception {
        List<String> command = new ArrayList<>(List.of("hledger"));
        books.forEach(book -> command.addAll(List.of("-f", book.toString())));
        command.addAll(List.of("balance", "--flat", "--no-total", "--layout=bare", "-O", "csv"));
        if (endExclusive != null) {
            command.addAll(List.of("-e", endExclusive));
        }
        if (query != null) {
            command.add(query);
        }
        Path out = dir.resolve("hledger.out");
        assertThat(run(out, command.toArray(String[]::new))).as("hledger: %s", String.join(" ", command)).isZero();
        List<String> lines = Files.readAllLines(out);
        Map<String, Long> balances = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.replace("\"", "").split(",");
            Unit unit = Unit.valueOf(cells[1]);
            long quantity = new BigDecimal(cells[2]).movePointRight(unit.decimals()).longValueExact();
            if (quantity != 0) {
                balances.put(cells[0] + "|" + unit, quantity);
            }
        }
        return balances;
    }

    static int run(String... command) throws Exception {
        Path out = dir.resolve(command[0] + ".out");
        int exit = run(out, command);
        if (exit != 0) {
            System.out.println(Files.readString(out));
        }
        return exit;
    }

    static int run(Path output, String... command) throws Exception {
        RequiredTools.require(command[0]);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command[0] + " did not finish in " + TOOL_TIMEOUT_SECONDS + " s");
        }
        return process.exitValue();
    }
}
