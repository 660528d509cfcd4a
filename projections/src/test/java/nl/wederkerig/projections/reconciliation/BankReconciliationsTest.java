package nl.wederkerig.projections.reconciliation;

import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.ExpensePaid;
import nl.wederkerig.core.funds.FundEntryReversed;
import nl.wederkerig.core.reconciliation.ActingAs;
import nl.wederkerig.core.reconciliation.BankAccountLinked;
import nl.wederkerig.core.reconciliation.BankLine;
import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.reconciliation.BankLinesMatched;
import nl.wederkerig.core.reconciliation.Continuity;
import nl.wederkerig.core.reconciliation.CounterpartyKey;
import nl.wederkerig.core.reconciliation.PaymentReference;
import nl.wederkerig.core.reconciliation.PeriodClosed;
import nl.wederkerig.core.reconciliation.PeriodReopened;
import nl.wederkerig.core.reconciliation.ReopenReason;
import nl.wederkerig.core.reconciliation.StatementImported;
import nl.wederkerig.core.reconciliation.StatementSource;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.core.shared.SealedText;
import nl.wederkerig.projections.readmodels.ReadModel;
import nl.wederkerig.projections.readmodels.TableComparison;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BankReconciliationsTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final InitiativeId OTHER = InitiativeId.of("buurthulp");
    static final MemberId DEWI = MemberId.of("dewi");
    static final MemberId EVA = MemberId.of("eva");
    static final MemberId CEES = MemberId.of("cees");
    static final Iban ACCOUNT = Iban.parse("NL91ABNA0417164300");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    static final LocalDate OCT_1 = LocalDate.parse("2026-10-01");
    static final LocalDate OCT_5 = LocalDate.parse("2026-10-05");
    static final LocalDate OCT_12 = LocalDate.parse("2026-10-12");
    static final LocalDate OCT_20 = LocalDate.parse("2026-10-20");
    static final LocalDate OCT_31 = LocalDate.parse("2026-10-31");
    static final LocalDate NOV_3 = LocalDate.parse("2026-11-03");
    static final LocalDate NOV_20 = LocalDate.parse("2026-11-20");
    static final CounterpartyKey SUPERMARKET = CounterpartyKey.of("cp-0123456789abcdef01234567");
    static final BankLineId L1 = BankLineId.of("ABN1005001");
    static final BankLineId L2 = BankLineId.of("ABN1012002");
    static final BankLineId L3 = BankLineId.of("ABN1020003");
    static final BankLineId L4 = BankLineId.of("h-0123456789abcdef0123456789abcdef");
    static final ClaimId CLAIM = ClaimId.of("claim-17");

    BankReconciliations recon;
    JdbcTemplate jdbc;
    List<Object> history;
    GivenEvents given;

    @BeforeEach
    void setUp() {
        jdbc = ReadModelDatabase.fresh();
        recon = new BankReconciliations(jdbc);
        given = GivenEvents.into(recon);
        history = new ArrayList<>();
    }

    void given(Object... events) {
        history.addAll(List.of(events));
        given.given(events);
    }

    static CommandId id(String value) {
        return CommandId.of(value);
    }

    static BankLine line(BankLineId id, String amount, LocalDate on, String reference, CounterpartyKey counterparty) {
        return new BankLine(id, on, on, Money.eur(amount), reference == null ? null : PaymentReference.of(reference), counterparty,
                new SealedText("cp-x", "c2VhbGVk"));
    }

    static ContributionReceived contribution(String id, String amount, LocalDate on) {
        return new ContributionReceived(MEALS, WEST, id(id), Money.eur(amount), ContributionSource.DONATION, null, Channel.BANK, on, DEWI, AT);
    }

    static ExpensePaid expense(String id, String amount, ExpenseCategory category, LocalDate on) {
        return new ExpensePaid(MEALS, WEST, id(id), Money.eur(amount), category, ReceiptReference.of("bon-1"), Channel.BANK, on, DEWI, AT);
    }

    static BankLinesMatched matched(String id, List<BankLineId> lines, List<String> entries, String amount) {
        return new BankLinesMatched(MEALS, WEST, id(id), lines, entries.stream().map(CommandId::of).toList(), Money.eur(amount),
                LocalDate.parse("2026-11-21"), DEWI, AT);
    }

    static StatementImported october() {
        return new StatementImported(MEALS, WEST, id("stmt-okt"), ACCOUNT, StatementSource.CAMT053, OCT_1, OCT_31, Money.eur("0.00"),
                Money.eur("36.55"), Continuity.FIRST,
                List.of(line(L1, "100.00", OCT_5, "in-1", null), line(L2, "-40.00", OCT_12, null, SUPERMARKET),
                        line(L3, "-23.45", OCT_20, "claim-17", null)),
                List.of(), "h1", LocalDate.parse("2026-11-02"), DEWI, AT);
    }

    /** October: a contribution, an expense, an approved claim (cash-box money stays out of it), and the statement. */
    void october_() {
        given(new BankAccountLinked(MEALS, WEST, id("link"), ACCOUNT, ActingAs.TREASURER, OCT_1, DEWI, AT),
                contribution("in-1", "100.00", OCT_5), expense("out-1", "40.00", ExpenseCategory.FOOD, OCT_12),
                new ContributionReceived(MEALS, WEST, id("cash-1"), Money.eur("5.00"), ContributionSource.GUEST_CONTRIBUTION, null,
                        Channel.CASH_BOX, OCT_12, DEWI, AT),
                new ClaimApproved(CLAIM, WEST, MEALS, id("ok"), CEES, Money.eur("23.45"), ExpenseCategory.FOOD, LocalDate.parse("2026-10-15"),
                        EVA, AT),
                october());
    }

    @Test
    void keepsStatementsAndTheirLinesInOrder() {
        october_();
        assertThat(recon.statements(WEST, MEALS)).singleElement().isEqualTo(new StatementSummary(id("stmt-okt"), StatementSource.CAMT053,
                OCT_1, OCT_31, Money.eur("0.00"), Money.eur("36.55"), Continuity.FIRST, 3, 3, 0, LocalDate.parse("2026-11-02"), DEWI));
        List<StatementLineView> lines = recon.lines(WEST, MEALS, id("stmt-okt"));
        assertThat(lines).extracting(StatementLineView::position).containsExactly(1, 2, 3);
        assertThat(lines).extracting(l -> l.line().lineId()).containsExactly(L1, L2, L3);
        assertThat(lines).noneMatch(StatementLineView::alreadyImported);
        LineView second = lines.get(1).line();
        assertThat(second.amount()).isEqualTo(Money.eur("-40.00"));
        assertThat(second.counterparty()).isEqualTo(SUPERMARKET);
        assertThat(second.details()).as("the original text stays sealed").isEqualTo(new SealedText("cp-x", "c2VhbGVk"));
        assertThat(second.matched()).isFalse();
        assertThat(recon.lines(CommunityId.of("elders"), MEALS, id("stmt-okt"))).as("another community sees nothing").isEmpty();
    }

    @Test
    void theStatusShowsTheDifferenceAndWhatIsUnmatched() {
        october_();
        ReconciliationStatus status = recon.status(WEST, MEALS).orElseThrow();
        assertThat(status.iban()).isEqualTo(ACCOUNT);
        assertThat(status.asOf()).isEqualTo(OCT_31);
        assertThat(status.statementClosingBalance()).isEqualTo(Money.eur("36.55"));
        assertThat(status.ledgerBankBalance()).isEqualTo(Money.eur("60.00")); // the cash box is not the bank
        assertThat(status.difference()).isEqualTo(Money.eur("-23.45"));
        assertThat(status.unmatchedLines()).isEqualTo(3);
        assertThat(status.unmatchedLinesTotal()).isEqualTo(Money.eur("36.55"));
        assertThat(status.unmatchedEntries()).isEqualTo(2);
        assertThat(status.unmatchedEntriesTotal()).isEqualTo(Money.eur("60.00"));
        assertThat(status.difference()).isEqualTo(status.unmatchedLinesTotal().minus(status.unmatchedEntriesTotal()));
        assertThat(status.lastImportedOn()).isEqualTo(LocalDate.parse("2026-11-02"));
        assertThat(status.lastClosedPeriodEnd()).isNull();
        assertThat(recon.status(WEST, OTHER)).isEmpty();
    }

    @Test
    void proposesTheExactReferenceTheSameAmountAndTheApprovedClaim() {
        october_();
        List<LineProposals> proposals = recon.proposals(WEST, MEALS);
        assertThat(proposals).extracting(p -> p.line().lineId()).containsExactly(L1, L2, L3);
        assertThat(proposals.get(0).proposals()).first().satisfies(p -> {
            assertThat(p.target().id()).isEqualTo("in-1");
            assertThat(p.score()).isEqualTo(Matcher.EXACT);
        });
        assertThat(proposals.get(1).proposals()).singleElement().satisfies(p -> {
            assertThat(p.target().id()).isEqualTo("out-1");
            assertThat(p.zone()).isEqualTo(Matcher.Zone.LIKELY); // same amount, same day
        });
        assertThat(proposals.get(2).proposals()).singleElement().satisfies(p -> {
            assertThat(p.target().kind()).isEqualTo(Matcher.TargetKind.APPROVED_CLAIM);
            assertThat(p.target().id()).isEqualTo("claim-17");
            assertThat(p.score()).isEqualTo(Matcher.EXACT);
        });
    }

    @Test
    void matchesCloseTheDifferenceAndAPaidClaimIsNoLongerProposed() {
        october_();
        given(matched("m-1", List.of(L1), List.of("in-1"), "100.00"), matched("m-2", List.of(L2), List.of("out-1"), "-40.00"),
                new ClaimPaid(MEALS, WEST, id("pay-17"), CLAIM, CEES, EVA, Money.eur("23.45"), Channel.BANK, OCT_20, DEWI, AT),
                matched("pay-17", List.of(L3), List.of("pay-17"), "-23.45"));
        ReconciliationStatus status = recon.status(WEST, MEALS).orElseThrow();
        assertThat(status.difference()).isEqualTo(Money.eur("0.00"));
        assertThat(status.unmatchedLines()).isZero();
        assertThat(status.unmatchedEntries()).isZero();
        assertThat(recon.proposals(WEST, MEALS)).isEmpty();
        assertThat(recon.matches(WEST, MEALS)).extracting(MatchView::matchId, MatchView::bookedFromLine)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(id("m-1"), false),
                        org.assertj.core.groups.Tuple.tuple(id("m-2"), false), org.assertj.core.groups.Tuple.tuple(id("pay-17"), true));
        assertThat(recon.matches(WEST, MEALS)).filteredOn(m -> m.matchId().equals(id("m-2"))).singleElement()
                .satisfies(m -> {
                    assertThat(m.lines()).containsExactly(L2);
                    assertThat(m.entries()).containsExactly(id("out-1"));
                    assertThat(m.amount()).isEqualTo(Money.eur("-40.00"));
                });
    }

    @Test
    void anOverlappingStatementShowsItsAlreadyImportedLinesAndLearnedCounterpartiesWeigh() {
        october_();
        given(matched("m-2", List.of(L2), List.of("out-1"), "-40.00"),
                expense("out-food", "40.00", ExpenseCategory.FOOD, NOV_3.plusDays(1)),
                expense("out-rent", "40.00", ExpenseCategory.RENT, NOV_3.plusDays(1)),
                new StatementImported(MEALS, WEST, id("stmt-nov"), ACCOUNT, StatementSource.MT940, OCT_20, NOV_20, null, null,
                        Continuity.OVERLAP, List.of(line(L4, "-40.00", NOV_3, null, SUPERMARKET)), List.of(L3), "h2", NOV_20, DEWI, AT));
        List<StatementLineView> november = recon.lines(WEST, MEALS, id("stmt-nov"));
        assertThat(november).extracting(l -> l.line().lineId(), StatementLineView::alreadyImported)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(L4, false), org.assertj.core.groups.Tuple.tuple(L3, true));
        assertThat(recon.statements(WEST, MEALS)).first().satisfies(s -> {
            assertThat(s.statementId()).isEqualTo(id("stmt-nov"));
            assertThat(s.alreadyImported()).isEqualTo(1);
            assertThat(s.closingBalance()).isNull();
        });
        LineProposals forL4 = recon.proposals(WEST, MEALS).stream().filter(p -> p.line().lineId().equals(L4)).findFirst().orElseThrow();
        // the supermarket's earlier line was confirmed as a food expense: the food expense ranks first
        assertThat(forL4.proposals()).extracting(p -> p.target().id()).containsExactly("out-food", "out-rent");
        assertThat(forL4.proposals().get(0).score() - forL4.proposals().get(1).score()).isEqualTo(Matcher.COUNTERPARTY_POINTS);
        // the status stands at the last statement with a closing balance (October's)
        assertThat(recon.status(WEST, MEALS).orElseThrow().asOf()).isEqualTo(OCT_31);
    }

    @Test
    void aReversedClaimPaymentMakesTheClaimPayableAgainAndTheReversalIsAnEntry() {
        october_();
        ClaimPaid paid = new ClaimPaid(MEALS, WEST, id("pay-17"), CLAIM, CEES, EVA, Money.eur("23.45"), Channel.BANK, OCT_20, DEWI, AT);
        given(paid, new FundEntryReversed(MEALS, WEST, id("undo-17"), paid, ReversalReason.ENTERED_IN_ERROR, OCT_31, DEWI, AT));
        LineProposals forL3 = recon.proposals(WEST, MEALS).get(2);
        assertThat(forL3.proposals()).extracting(p -> p.target().id()).contains("claim-17", "pay-17");
        assertThat(recon.status(WEST, MEALS).orElseThrow().ledgerBankBalance()).isEqualTo(Money.eur("60.00"));
    }

    @Test
    void closesAndReopenings() {
        october_();
        given(new PeriodClosed(MEALS, WEST, id("close-okt"), ACCOUNT, OCT_1, OCT_31, Money.eur("36.55"), LocalDate.parse("2026-11-21"),
                DEWI, AT));
        assertThat(recon.status(WEST, MEALS).orElseThrow().lastClosedPeriodEnd()).isEqualTo(OCT_31);
        given(new PeriodReopened(MEALS, WEST, id("re-1"), id("close-okt"), OCT_31, null, ReopenReason.MATCH_WRONG, null,
                ActingAs.COORDINATOR, LocalDate.parse("2026-11-22"), MemberId.of("femke"), AT));
        assertThat(recon.closes(WEST, MEALS)).singleElement().satisfies(close -> {
            assertThat(close.inForce()).isFalse();
            assertThat(close.bankBalance()).isEqualTo(Money.eur("36.55"));
            assertThat(close.closedBy()).isEqualTo(DEWI);
            assertThat(close.reopenedBy()).isEqualTo(MemberId.of("femke"));
            assertThat(close.reopenReason()).isEqualTo(ReopenReason.MATCH_WRONG);
        });
        assertThat(recon.status(WEST, MEALS).orElseThrow().lastClosedPeriodEnd()).isNull();
        assertThatThrownBy(() -> given.given(new PeriodReopened(MEALS, WEST, id("re-2"), id("close-okt"), OCT_31, null,
                ReopenReason.OTHER, null, ActingAs.TREASURER, LocalDate.parse("2026-11-22"), EVA, AT)))
                .as("reopening what is not in force means the read model is out of step").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nudgesAfterThirtyFiveDaysWithoutAnImport() {
        given(new BankAccountLinked(MEALS, WEST, id("link"), ACCOUNT, ActingAs.TREASURER, OCT_1, DEWI, AT));
        assertThat(recon.importNudge(WEST, MEALS, OCT_5)).contains(new ImportNudge(null, 4, true));
        given(october());
        LocalDate imported = LocalDate.parse("2026-11-02");
        assertThat(recon.importNudge(WEST, MEALS, imported.plusDays(35))).contains(new ImportNudge(imported, 35, false));
        assertThat(recon.importNudge(WEST, MEALS, imported.plusDays(36))).contains(new ImportNudge(imported, 36, true));
        assertThat(recon.importNudge(WEST, OTHER, imported)).isEmpty();
    }

    @Test
    void rebuildingFromTheEventsGivesTheSameTables() {
        october_();
        given(matched("m-1", List.of(L1), List.of("in-1"), "100.00"), matched("m-2", List.of(L2), List.of("out-1"), "-40.00"),
                new PeriodClosed(MEALS, WEST, id("close-5"), ACCOUNT, OCT_1, OCT_5, Money.eur("100.00"), LocalDate.parse("2026-11-21"),
                        DEWI, AT));
        JdbcTemplate fresh = ReadModelDatabase.fresh();
        GivenEvents.into(new BankReconciliations(fresh)).given(history.toArray());
        for (ReadModel.Table table : BankReconciliations.READ_MODEL.tables()) {
            assertThat(TableComparison.compare(jdbc, fresh, table)).as(table.name()).isEmpty();
        }
    }
}
