package nl.wederkerig.projections.journal;

import nl.wederkerig.core.advances.AdvanceForgiven;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.AdvanceReimbursed;
import nl.wederkerig.core.advances.ErrandAdvanceOpened;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimbursementReversed;
import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.errands.ErrandOverspent;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.help.HelpConfirmed;
import nl.wederkerig.core.help.HelpDisputeReason;
import nl.wederkerig.core.help.HelpDisputed;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.HelpRecorded;
import nl.wederkerig.core.journal.Unit;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalPostingsTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final CommunityId NORTH = CommunityId.of("rotterdam-noord");
    static final MemberId AMINA = MemberId.of("amina");
    static final MemberId BRAM = MemberId.of("bram");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final LocalDate DAY = LocalDate.parse("2026-11-02");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    JdbcTemplate jdbc;
    JournalPostings journal;

    @BeforeEach
    void setUp() {
        jdbc = ReadModelDatabase.fresh();
        journal = new JournalPostings(jdbc);
    }

    static AdvanceMade made(String id, String amount, LocalDate on) {
        return new AdvanceMade(AdvanceId.of(id), WEST, AMINA, BRAM, Money.eur(amount), Purpose.GROCERIES, on, AMINA, AT);
    }

    static AdvanceReimbursed reimbursed(String id, String command, String amount, String after, LocalDate on) {
        return new AdvanceReimbursed(AdvanceId.of(id), WEST, CommandId.of(command), Money.eur(amount), Money.eur(after), on, BRAM, AT);
    }

    static HelpRecorded help(String id, long minutes, LocalDate on) {
        return new HelpRecorded(HelpId.of(id), WEST, AMINA, BRAM, Hours.ofMinutes(minutes), HelpKind.COMPANY, null, on, AMINA, AT);
    }

    static HelpDisputed disputed(String help, String command, LocalDate on) {
        return new HelpDisputed(HelpId.of(help), WEST, CommandId.of(command), HelpDisputeReason.HOURS_WRONG, on, BRAM, AT);
    }

    static HelpConfirmed confirmed(String help, String command, LocalDate on) {
        return new HelpConfirmed(HelpId.of(help), WEST, CommandId.of(command), on, BRAM, AT);
    }

    static ContributionReceived grant(String command, String amount, LocalDate on) {
        return new ContributionReceived(MEALS, WEST, CommandId.of(command), Money.eur(amount), ContributionSource.GRANT,
                null, Channel.BANK, on, AMINA, AT);
    }

    static AccountBalance eur(String account, long cents) {
        return new AccountBalance(account, Unit.EUR, cents);
    }

    String hledger(CommunityId community) {
        StringWriter out = new StringWriter();
        journal.exportHledger(community, out);
        return out.toString();
    }

    @Test
    void everyStoredEntryBalancesPerUnit() {
        GivenEvents.into(journal).given(made("a1", "50.00", DAY), help("h1", 140, DAY),
                reimbursed("a1", "r1", "20.00", "30.00", DAY.plusDays(1)), grant("g1", "400.00", DAY),
                new AdvanceForgiven(AdvanceId.of("a1"), WEST, CommandId.of("f1"), Money.eur("30.00"), DAY.plusDays(2), AMINA, AT));

        assertThat(journal.entryCount(WEST)).isEqualTo(5);
        List<Long> unbalanced = jdbc.queryForList(
                "SELECT global_order FROM journal_posting GROUP BY global_order, unit HAVING SUM(quantity) <> 0", Long.class);
        assertThat(unbalanced).isEmpty();
        assertThat(journal.balances(WEST, JournalPostings.LATEST).balances()).containsExactly(
                new AccountBalance("assets:initiative:aanschuiven:bank", Unit.EUR, 40_000),
                new AccountBalance("expenses:gifts-given:amina", Unit.EUR, 3_000),
                new AccountBalance("expenses:hours-received:bram", Unit.MIN, 140),
                new AccountBalance("income:gifts-received:bram", Unit.EUR, -3_000),
                new AccountBalance("income:hours-given:amina", Unit.MIN, -140),
                new AccountBalance("income:initiative:aanschuiven:grant", Unit.EUR, -40_000));
    }

    @Test
    void balancesAsOfADateCountOnlyEntriesUpToThatBusinessDate() {
        GivenEvents.into(journal).given(made("a1", "50.00", DAY),
                reimbursed("a1", "r1", "20.00", "30.00", DAY.plusDays(5)),
                // Recorded last, but dated before the reimbursement.
                made("a2", "7.50", DAY.plusDays(3)));

        assertThat(journal.balances(WEST, DAY.minusDays(1)).balances()).isEmpty();
        assertThat(journal.balances(WEST, DAY.plusDays(2)).balances())
                .contains(eur("assets:receivable:amina:bram", 5_000), eur("liabilities:payable:bram:amina", -5_000));
        assertThat(journal.balances(WEST, DAY.plusDays(3)).balances()).contains(eur("assets:receivable:amina:bram", 5_750));
        assertThat(journal.balances(WEST, DAY.plusDays(5)).balances()).contains(eur("assets:receivable:amina:bram", 3_750));
        assertThat(journal.balances(NORTH, JournalPostings.LATEST).balances()).isEmpty();
    }

    @Test
    void theStoredRunningBalanceIsTheSumOfEveryPostingAndAnswersOnAndAfterTheLatestDate() {
        GivenEvents.into(journal).given(made("a1", "50.00", DAY), help("h1", 140, DAY.plusDays(4)),
                reimbursed("a1", "r1", "20.00", "30.00", DAY.plusDays(1)), grant("g1", "400.00", DAY),
                made("a2", "7.50", DAY.plusDays(2)), reimbursed("a2", "r2", "7.50", "0.00", DAY.plusDays(3)),
                new AdvanceForgiven(AdvanceId.of("a1"), WEST, CommandId.of("f1"), Money.eur("30.00"), DAY.plusDays(2), AMINA, AT));

        List<AccountBalance> summed = jdbc.query("""
                SELECT account, unit, SUM(quantity) AS quantity FROM journal_posting WHERE community_id = ?
                 GROUP BY account, unit HAVING SUM(quantity) <> 0 ORDER BY account, unit""",
                (rs, i) -> new AccountBalance(rs.getString("account"), Unit.valueOf(rs.getString("unit")), rs.getLong("quantity")),
                WEST.value());
        assertThat(summed).isNotEmpty();
        // Paid back in full: the stored row is zero, and zero balances are left out as the sum leaves them out.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_account_balance WHERE quantity = 0", Integer.class)).isPositive();
        assertThat(journal.balances(WEST, JournalPostings.LATEST).balances()).isEqualTo(summed);
        assertThat(journal.balances(WEST, DAY.plusDays(4)).balances()).isEqualTo(summed);
        // The day before the latest entry sums the postings instead: the help of the last day is not in it yet.
        assertThat(journal.balances(WEST, DAY.plusDays(3)).balances()).isNotEqualTo(summed)
                .noneMatch(balance -> balance.unit() == Unit.MIN);
    }

    @Test
    void inAProcessorBatchRowsAreWrittenOnceAsItsUnitOfWorkCommitsAndMatchOneByOne() throws Exception {
        Object[] events = {made("a1", "50.00", DAY), reimbursed("a1", "r1", "20.00", "30.00", DAY.plusDays(1)),
                grant("g1", "400.00", DAY), made("a2", "7.50", DAY), reimbursed("a2", "r2", "7.50", "0.00", DAY),
                help("h1", 90, DAY), disputed("h1", "d1", DAY.plusDays(1)), confirmed("h1", "k1", DAY.plusDays(2)),
                help("h2", 30, DAY), disputed("h2", "d2", DAY)};
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int position = 0; position < events.length; position++) {
            messages.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                    GenericEventMessage.asEventMessage(events[position])));
        }
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(journal);
        List<Integer> rowsWhileHandling = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);

        batch.executeWithResult(() -> {
            adapter.handle(batch.getMessage());
            rowsWhileHandling.add(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Integer.class));
            return null;
        });

        assertThat(rowsWhileHandling).hasSize(events.length).containsOnly(0);
        JdbcTemplate oneByOne = ReadModelDatabase.fresh();
        JournalPostings expected = new JournalPostings(oneByOne);
        GivenEvents.into(expected).given(events);
        assertThat(journal.entryCount(WEST)).isEqualTo(expected.entryCount(WEST)).isEqualTo(events.length);
        assertThat(journal.balances(WEST, JournalPostings.LATEST)).isEqualTo(expected.balances(WEST, JournalPostings.LATEST));
        assertThat(journal.balances(WEST, DAY)).isEqualTo(expected.balances(WEST, DAY));
        assertThat(hledger(WEST)).isEqualTo(exportOf(expected));
    }

    static String exportOf(JournalPostings journal) {
        StringWriter out = new StringWriter();
        journal.exportHledger(WEST, out);
        return out.toString();
    }

    @Test
    void aProcessorRestartedMidStreamStillKnowsTheAdvanceParties() {
        GivenEvents.into(journal).given(made("a1", "50.00", DAY));

        // A new instance over the same tables, resuming at the next position: nothing held in memory.
        JournalPostings restarted = new JournalPostings(jdbc);
        GivenEvents.into(restarted).atPosition(1).given(reimbursed("a1", "r1", "20.00", "30.00", DAY.plusDays(1)));

        assertThat(restarted.balances(WEST, JournalPostings.LATEST).balances()).containsExactly(
                eur("assets:receivable:amina:bram", 3_000), eur("liabilities:payable:bram:amina", -3_000));
    }

    @Test
    void aReversedReimbursementAfterARestartPutsTheDebtBack() {
        GivenEvents.into(journal).given(made("a1", "50.00", DAY), reimbursed("a1", "r1", "20.00", "30.00", DAY));
        GivenEvents.into(new JournalPostings(jdbc)).atPosition(2).given(new ReimbursementReversed(AdvanceId.of("a1"), WEST,
                CommandId.of("undo-r1"), CommandId.of("r1"), Money.eur("20.00"), Money.eur("50.00"),
                ReversalReason.ENTERED_IN_ERROR, DAY.plusDays(1), BRAM, AT));

        assertThat(journal.balances(WEST, JournalPostings.LATEST).balances()).containsExactly(
                eur("assets:receivable:amina:bram", 5_000), eur("liabilities:payable:bram:amina", -5_000));
        assertThat(hledger(WEST)).contains("2026-11-03 (undo-r1) reversal of r1\n");
    }

    @Test
    void anErrandAdvanceBooksItsDebtOnceAndItsRepaymentAfterARestart() {
        AdvanceId advance = AdvanceId.of("errand-1-over");
        GivenEvents.into(journal).given(
                new ErrandOverspent(ErrandId.of("errand-1"), WEST, advance, AMINA, BRAM, Money.eur("4.00"), DAY, AMINA, AT),
                new ErrandAdvanceOpened(advance, WEST, ErrandId.of("errand-1"), AMINA, BRAM, Money.eur("4.00"), DAY, AMINA, AT));
        GivenEvents.into(new JournalPostings(jdbc)).atPosition(2)
                .given(new AdvanceReimbursed(advance, WEST, CommandId.of("r1"), Money.eur("4.00"), Money.eur("0.00"), DAY, BRAM, AT));

        assertThat(journal.entryCount(WEST)).isEqualTo(2);
        assertThat(journal.balances(WEST, JournalPostings.LATEST).balances()).isEmpty();
    }

    @Test
    void disputedHelpLeavesTheBooksAndComesBackWhenConfirmedAcrossRestarts() {
        GivenEvents.into(journal).given(help("h1", 90, DAY));
        GivenEvents.into(new JournalPostings(jdbc)).atPosition(1).given(disputed("h1", "d1", DAY.plusDays(2)));

        assertThat(journal.balances(WEST, JournalPostings.LATEST).balances()).isEmpty();
        assertThat(journal.balances(WEST, DAY.plusDays(1)).balances()).containsExactly(
                new AccountBalance("expenses:hours-received:bram", Unit.MIN, 90), new AccountBalance("income:hours-given:amina", Unit.MIN, -90));

        GivenEvents.into(new JournalPostings(jdbc)).atPosition(2).given(confirmed("h1", "k1", DAY.plusDays(3)));
        assertThat(journal.balances(WEST, JournalPostings.LATEST).balances()).containsExactly(
                new AccountBalance("expenses:hours-received:bram", Unit.MIN, 90), new AccountBalance("income:hours-given:amina", Unit.MIN, -90));
        assertThat(hledger(WEST)).contains("2026-11-04 (h1) help disputed\n", "2026-11-05 (h1) help confirmed after a dispute\n");
    }

    @Test
    void aFollowUpOfAnUnknownAdvanceStopsTheProjection() {
        assertThatThrownBy(() -> GivenEvents.into(journal).given(reimbursed("nope", "r1", "1.00", "0.00", DAY)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(journal.entryCount(WEST)).isZero();
    }

    @Test
    void exportsHledgerTextByBusinessDateThenRecordingOrder() {
        GivenEvents.into(journal).given(made("a1", "50.00", DAY.plusDays(1)), help("h1", 90, DAY.plusDays(1)),
                made("a2", "7.50", DAY));

        assertThat(hledger(WEST)).endsWith("""
                decimal-mark .
                commodity 1000.00 EUR
                commodity 1000. MIN

                2026-11-02 (a2) advance made
                    assets:receivable:amina:bram  7.50 EUR
                    liabilities:payable:bram:amina  -7.50 EUR

                2026-11-03 (a1) advance made
                    assets:receivable:amina:bram  50.00 EUR
                    liabilities:payable:bram:amina  -50.00 EUR

                2026-11-03 (h1) help given
                    expenses:hours-received:bram  90 MIN
                    income:hours-given:amina  -90 MIN

                """);
        assertThat(hledger(NORTH)).doesNotContain("advance made");
    }

    static final CsvOptions ENGLISH_CSV = new CsvOptions(CsvLanguage.ENGLISH, ZoneId.of("Europe/Amsterdam"),
            claim -> "/claims/" + claim.initiative() + "/" + claim.claim());

    @Test
    void exportsOneCsvRowPerPostingWithSideAmountExactQuantityAndRunningBalance() {
        // 23:30 UTC is the next day in Amsterdam: the recorded date is the ledger's own day
        GivenEvents.into(journal).recordedAt(Instant.parse("2026-11-02T23:30:00Z"))
                .given(help("h1", 90, DAY), made("a1", "50.05", DAY), reimbursed("a1", "r1", "20.00", "30.05", DAY.plusDays(1)));
        StringWriter out = new StringWriter();

        journal.exportCsv(WEST, ENGLISH_CSV, out);

        assertThat(out.toString().split("\r\n")).containsExactly(
                "date,recorded,entry,reference,description,account,debit_credit,amount,unit,quantity,balance,link",
                "2026-11-02,2026-11-03,0,h1,help given,expenses:hours-received:bram,debit,90,MIN,90,90,",
                "2026-11-02,2026-11-03,0,h1,help given,income:hours-given:amina,credit,90,MIN,-90,-90,",
                "2026-11-02,2026-11-03,1,a1,advance made,assets:receivable:amina:bram,debit,50.05,EUR,5005,50.05,",
                "2026-11-02,2026-11-03,1,a1,advance made,liabilities:payable:bram:amina,credit,50.05,EUR,-5005,-50.05,",
                "2026-11-03,2026-11-03,2,r1,advance reimbursed,liabilities:payable:bram:amina,debit,20.00,EUR,2000,-30.05,",
                "2026-11-03,2026-11-03,2,r1,advance reimbursed,assets:receivable:amina:bram,credit,20.00,EUR,-2000,30.05,");
    }

    @Test
    void theInitiativesCsvHoldsItsOwnAccountsAndLinksEveryClaimEntryToItsClaim() {
        ClaimApproved approved = new ClaimApproved(ClaimId.of("c1"), WEST, MEALS, CommandId.of("ok-1"), BRAM, Money.eur("12.50"),
                ExpenseCategory.FOOD, DAY, AMINA, AT);
        ClaimPaid paid = new ClaimPaid(MEALS, WEST, CommandId.of("pay-c1"), ClaimId.of("c1"), BRAM, AMINA, Money.eur("12.50"),
                Channel.BANK, DAY.plusDays(1), AMINA, AT);
        ContributionReceived other = new ContributionReceived(InitiativeId.of("aanschuiven-2"), WEST, CommandId.of("g2"),
                Money.eur("5.00"), ContributionSource.GRANT, null, Channel.BANK, DAY, AMINA, AT);
        GivenEvents.into(journal).given(grant("g1", "100.00", DAY), made("a1", "50.00", DAY), other, approved, paid);
        StringWriter out = new StringWriter();

        journal.exportInitiativeCsv(WEST, MEALS, new CsvOptions(CsvLanguage.DUTCH, ZoneId.of("Europe/Amsterdam"),
                claim -> "/claims/" + claim.initiative() + "/" + claim.claim()), out);

        List<String> lines = List.of(out.toString().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(
                "boekdatum,vastgelegd,boeking,referentie,omschrijving,rekening,debet_credit,bedrag,eenheid,hoeveelheid,saldo,link");
        assertThat(lines).hasSize(7).noneMatch(line -> line.contains("receivable") || line.contains("aanschuiven-2"));
        assertThat(lines.get(3)).contains(",c1,claim approved,expenses:initiative:aanschuiven:food,debet,12.50,EUR,1250,12.50,"
                + "/claims/aanschuiven/c1");
        assertThat(lines.get(6)).contains(",pay-c1,claim paid,assets:initiative:aanschuiven:bank,credit,12.50,EUR,-1250,87.50,"
                + "/claims/aanschuiven/c1");
        assertThat(lines.get(1)).endsWith(",g1,contribution received,assets:initiative:aanschuiven:bank,debet,100.00,EUR,10000,100.00,");
    }

    @Test
    void quotesACsvFieldOnlyWhenItNeedsIt() {
        assertThat(CsvWriter.field("advance made")).isEqualTo("advance made");
        assertThat(CsvWriter.field("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
        assertThat(CsvWriter.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
    }

    @Test
    void aCellThatStartsLikeAFormulaIsDefusedButANumberIsNot() {
        assertThat(CsvWriter.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvWriter.field("+31")).isEqualTo("'+31");
        assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.field("-1+2")).isEqualTo("'-1+2");
        assertThat(CsvWriter.field("\tx")).isEqualTo("'\tx");
        assertThat(CsvWriter.field("-12.50")).isEqualTo("-12.50");
        assertThat(CsvWriter.field("-90")).isEqualTo("-90");
    }

    @Test
    void aResetEmptiesEveryTable() {
        GivenEvents.into(journal).given(made("a1", "50.00", DAY));
        journal.reset();
        assertThat(journal.entryCount(WEST)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_advance_party", Long.class)).isZero();
    }
}
