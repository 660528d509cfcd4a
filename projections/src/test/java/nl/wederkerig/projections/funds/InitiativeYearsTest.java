package nl.wederkerig.projections.funds;

import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.ClaimSubmitted;
import nl.wederkerig.core.community.HourValuationMethod;
import nl.wederkerig.core.community.HourValuationSet;
import nl.wederkerig.core.community.InitiativeKind;
import nl.wederkerig.core.community.InitiativeRegistered;
import nl.wederkerig.core.community.PartnerKind;
import nl.wederkerig.core.community.PartnerRegistered;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.ExpensePaid;
import nl.wederkerig.core.reciprocity.HoursDrawn;
import nl.wederkerig.core.reciprocity.MoneyReturned;
import nl.wederkerig.core.reconciliation.ActingAs;
import nl.wederkerig.core.reconciliation.BankAccountLinked;
import nl.wederkerig.core.reconciliation.Continuity;
import nl.wederkerig.core.reconciliation.PeriodClosed;
import nl.wederkerig.core.reconciliation.StatementImported;
import nl.wederkerig.core.reconciliation.StatementSource;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;
import nl.wederkerig.projections.reconciliation.BankReconciliations;
import nl.wederkerig.projections.reconciliation.ReconciliationAsOf;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annual report over the funds, reciprocity and reconciliation read models, each fed the same
 * events: entries on the last and first day of a year land in their own year, a year with nothing
 * before it stands beside zeroes, and another initiative's entries stay out.
 */
class InitiativeYearsTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final InitiativeId HELP = InitiativeId.of("buurthulp");
    static final PartnerId CARE = PartnerId.of("zorg-west");
    static final PartnerId CITY = PartnerId.of("gemeente");
    static final MemberId TREASURER = MemberId.of("tessa");
    static final MemberId VOLUNTEER = MemberId.of("vera");
    static final Iban ACCOUNT = new Iban("NL91ABNA0417164300");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    static final LocalDate DEC_31_2025 = LocalDate.parse("2025-12-31");
    static final LocalDate JAN_1_2026 = LocalDate.parse("2026-01-01");

    InitiativeYears years;
    List<GivenEvents> projections;

    @BeforeEach
    void setUp() {
        JdbcTemplate jdbc = ReadModelDatabase.fresh();
        InitiativeFunds funds = new InitiativeFunds(jdbc);
        PartnerReciprocity reciprocity = new PartnerReciprocity(jdbc);
        BankReconciliations reconciliations = new BankReconciliations(jdbc);
        years = new InitiativeYears(funds, reciprocity, reconciliations);
        projections = List.of(GivenEvents.into(funds), GivenEvents.into(reciprocity), GivenEvents.into(reconciliations));
        given(new InitiativeRegistered(WEST, id("reg"), MEALS, InitiativeKind.values()[0], LocalDate.parse("2025-03-01"), TREASURER, AT),
                new InitiativeRegistered(WEST, id("reg-2"), HELP, InitiativeKind.values()[0], LocalDate.parse("2025-03-01"), TREASURER, AT),
                new PartnerRegistered(WEST, id("p1"), CARE, PartnerKind.values()[0], LocalDate.parse("2025-01-01"), TREASURER, AT),
                new PartnerRegistered(WEST, id("p2"), CITY, PartnerKind.values()[0], LocalDate.parse("2025-01-01"), TREASURER, AT),
                new HourValuationSet(WEST, id("v1"), Money.eur("12.00"), LocalDate.parse("2025-01-01"), HourValuationMethod.FIXED_AGREED,
                        LocalDate.parse("2025-01-01"), TREASURER, AT));
    }

    void given(Object... events) {
        projections.forEach(projection -> projection.atPosition(0).given(events));
    }

    static CommandId id(String value) {
        return CommandId.of(value);
    }

    static ContributionReceived contribution(String id, String amount, ContributionSource source, Channel channel, LocalDate on) {
        return new ContributionReceived(MEALS, WEST, id(id), Money.eur(amount), source, source == ContributionSource.PARTNER ? CARE : null,
                channel, on, TREASURER, AT);
    }

    static StatementImported statement(String id, LocalDate from, LocalDate to, String opening, String closing) {
        return new StatementImported(MEALS, WEST, id(id), ACCOUNT, StatementSource.CAMT053, from, to, Money.eur(opening),
                Money.eur(closing), Continuity.FIRST, List.of(), List.of(), "h-" + id, to.plusDays(1), TREASURER, AT);
    }

    /** 2025: a grant, an expense and partner hours on the year's last day, a reconciled and closed December. 2026 after it. */
    void twoYears() {
        given(contribution("grant", "1000.00", ContributionSource.GRANT, Channel.BANK, LocalDate.parse("2025-03-05")),
                new ExpensePaid(MEALS, WEST, id("food"), Money.eur("120.50"), ExpenseCategory.FOOD, ReceiptReference.of("bon-1"),
                        Channel.BANK, DEC_31_2025, TREASURER, AT),
                new HoursDrawn(CARE, WEST, id("h1"), MEALS, Hours.ofMinutes(90), DEC_31_2025, TREASURER, AT),
                new BankAccountLinked(MEALS, WEST, id("link"), ACCOUNT, ActingAs.TREASURER, LocalDate.parse("2025-12-01"), TREASURER, AT),
                statement("dec", LocalDate.parse("2025-12-01"), DEC_31_2025, "1000.00", "879.50"),
                new PeriodClosed(MEALS, WEST, id("close-dec"), ACCOUNT, LocalDate.parse("2025-12-01"), DEC_31_2025, Money.eur("879.50"),
                        LocalDate.parse("2026-01-05"), TREASURER, AT),
                new ClaimSubmitted(ClaimId.of("k1"), WEST, MEALS, VOLUNTEER, Money.eur("20.00"), ExpenseCategory.TRANSPORT,
                        ReceiptReference.of("bon-k1"), LocalDate.parse("2025-12-20"), VOLUNTEER, AT),
                contribution("guests", "7.25", ContributionSource.GUEST_CONTRIBUTION, Channel.CASH_BOX, JAN_1_2026),
                new HoursDrawn(CARE, WEST, id("h2"), MEALS, Hours.ofMinutes(120), JAN_1_2026, TREASURER, AT),
                new ClaimApproved(ClaimId.of("k1"), WEST, MEALS, id("ok-k1"), VOLUNTEER, Money.eur("20.00"), ExpenseCategory.TRANSPORT,
                        LocalDate.parse("2026-01-02"), TREASURER, AT),
                new ClaimPaid(MEALS, WEST, id("pay-k1"), ClaimId.of("k1"), VOLUNTEER, TREASURER, Money.eur("20.00"), Channel.BANK,
                        LocalDate.parse("2026-01-10"), TREASURER, AT),
                contribution("care", "300.00", ContributionSource.PARTNER, Channel.BANK, LocalDate.parse("2026-02-01")),
                statement("jan", JAN_1_2026, LocalDate.parse("2026-01-31"), "879.50", "860.00"),
                new MoneyReturned(CARE, WEST, id("back"), MEALS, Money.eur("50.00"), LocalDate.parse("2026-06-01"), TREASURER, AT),
                // Another initiative's hours and a partner that only gave to it: not in this report.
                new HoursDrawn(CITY, WEST, id("h3"), HELP, Hours.ofMinutes(60), LocalDate.parse("2026-03-01"), TREASURER, AT),
                new HoursDrawn(CARE, WEST, id("h4"), HELP, Hours.ofMinutes(30), LocalDate.parse("2026-03-01"), TREASURER, AT));
    }

    @Test
    void aYearBesideThePreviousCalendarYearEachEntryInItsOwnYear() {
        twoYears();

        AnnualReport report = years.report(WEST, MEALS, Year.of(2026));
        AnnualFigures now = report.current();
        AnnualFigures before = report.previous();

        assertThat(now.year()).isEqualTo(Year.of(2026));
        assertThat(now.fund().from()).isEqualTo(JAN_1_2026);
        assertThat(now.fund().to()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(now.fund().incomeBySource()).containsEntry(ContributionSource.GUEST_CONTRIBUTION, Money.eur("7.25"))
                .containsEntry(ContributionSource.PARTNER, Money.eur("300.00")).containsEntry(ContributionSource.GRANT, Money.eur("0.00"));
        assertThat(now.fund().incomeTotal()).isEqualTo(Money.eur("307.25"));
        // The approved claim is the expense, in the year it was approved.
        assertThat(now.fund().expensesByCategory()).containsEntry(ExpenseCategory.TRANSPORT, Money.eur("20.00"))
                .containsEntry(ExpenseCategory.FOOD, Money.eur("0.00"));
        assertThat(now.fund().expensesTotal()).isEqualTo(Money.eur("20.00"));
        assertThat(now.fund().claimsPaid()).isEqualTo(ClaimTally.ofCents(1, 2000));
        assertThat(now.fund().partnerHoursMinutes()).isEqualTo(120);
        assertThat(now.fund().openingBalance()).isEqualTo(Money.eur("879.50"));
        assertThat(now.fund().closingBalance()).isEqualTo(Money.eur("1166.75"));
        assertThat(now.partners()).containsExactly(new PartnerPosition(CARE, 120, 0, Money.eur("24.00"), Money.eur("50.00"),
                Money.eur("0.00"), Money.eur("26.00")));
        assertThat(now.reconciliation()).isEqualTo(new ReconciliationAsOf(LocalDate.parse("2026-12-31"), LocalDate.parse("2026-01-31"),
                Money.eur("860.00"), Money.eur("859.50"), Money.eur("0.50"), DEC_31_2025));

        assertThat(before.year()).isEqualTo(Year.of(2025));
        assertThat(before.fund().from()).isEqualTo(LocalDate.parse("2025-01-01"));
        assertThat(before.fund().incomeBySource()).containsEntry(ContributionSource.GRANT, Money.eur("1000.00"))
                .containsEntry(ContributionSource.GUEST_CONTRIBUTION, Money.eur("0.00"));
        assertThat(before.fund().expensesByCategory()).containsEntry(ExpenseCategory.FOOD, Money.eur("120.50"))
                .containsEntry(ExpenseCategory.TRANSPORT, Money.eur("0.00"));
        assertThat(before.fund().claimsPaid()).isEqualTo(ClaimTally.ofCents(0, 0));
        assertThat(before.fund().partnerHoursMinutes()).isEqualTo(90);
        assertThat(before.fund().closingBalance()).isEqualTo(Money.eur("879.50"));
        assertThat(before.partners()).containsExactly(new PartnerPosition(CARE, 90, 0, Money.eur("18.00"), Money.eur("0.00"),
                Money.eur("0.00"), Money.eur("-18.00")));
        assertThat(before.reconciliation()).isEqualTo(new ReconciliationAsOf(DEC_31_2025, DEC_31_2025, Money.eur("879.50"),
                Money.eur("879.50"), Money.eur("0.00"), DEC_31_2025));
    }

    @Test
    void aFirstYearStandsBesideAnEmptyYearWithTheSamePartners() {
        twoYears();

        AnnualReport report = years.report(WEST, MEALS, Year.of(2025));
        PeriodFigures empty = report.previous().fund();

        assertThat(empty.from()).isEqualTo(LocalDate.parse("2024-01-01"));
        assertThat(empty.to()).isEqualTo(LocalDate.parse("2024-12-31"));
        assertThat(empty.incomeBySource().values()).containsOnly(Money.eur("0.00"));
        assertThat(empty.expensesByCategory().values()).containsOnly(Money.eur("0.00"));
        assertThat(empty.incomeBySource().keySet()).containsExactly(ContributionSource.values());
        assertThat(empty.claimsPaid()).isEqualTo(ClaimTally.ofCents(0, 0));
        assertThat(empty.partnerHoursMinutes()).isZero();
        assertThat(empty.openingBalance()).isEqualTo(Money.eur("0.00"));
        assertThat(empty.closingBalance()).isEqualTo(Money.eur("0.00"));
        // The partner rows line up: the same partner, at zero.
        assertThat(report.previous().partners()).containsExactly(PartnerPosition.none(CARE));
        assertThat(report.current().partners()).extracting(PartnerPosition::partnerId).containsExactly(CARE);
        // The account was linked after 2024 ended: nothing imported or closed by then.
        assertThat(report.previous().reconciliation()).isEqualTo(ReconciliationAsOf.nothingBy(LocalDate.parse("2024-12-31")));
        assertThat(report.current().fund().closingBalance()).isEqualTo(Money.eur("879.50"));
    }

    @Test
    void anInitiativeWithoutAccountOrPartnersHasNoReconciliationAndNoPartnerRows() {
        given(new HoursDrawn(CITY, WEST, id("h3"), HELP, Hours.ofMinutes(60), LocalDate.parse("2026-03-01"), TREASURER, AT));

        AnnualReport report = years.report(WEST, MEALS, Year.of(2026));

        assertThat(report.current().reconciliation()).isNull();
        assertThat(report.current().partners()).isEmpty();
        assertThat(report.previous().partners()).isEmpty();
        assertThat(years.report(WEST, HELP, Year.of(2026)).current().partners()).extracting(PartnerPosition::partnerId)
                .containsExactly(CITY);
    }
}
