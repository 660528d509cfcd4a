package nl.wederkerig.projections.reciprocity;

import nl.wederkerig.core.community.HourValuationMethod;
import nl.wederkerig.core.community.HourValuationSet;
import nl.wederkerig.core.community.PartnerKind;
import nl.wederkerig.core.community.PartnerRegistered;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.reciprocity.HourValuations;
import nl.wederkerig.core.reciprocity.HoursDrawn;
import nl.wederkerig.core.reciprocity.InKindCategory;
import nl.wederkerig.core.reciprocity.InKindReturned;
import nl.wederkerig.core.reciprocity.MoneyReturned;
import nl.wederkerig.core.reciprocity.ReciprocityEntry;
import nl.wederkerig.core.reciprocity.ReciprocityEntryReversed;
import nl.wederkerig.core.reciprocity.ReciprocityStatement;
import nl.wederkerig.core.reciprocity.ServiceCategory;
import nl.wederkerig.core.reciprocity.ServiceDrawn;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerReciprocityTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final PartnerId CARE = PartnerId.of("zorg-west");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final InitiativeId HELP = InitiativeId.of("buurthulp");
    static final MemberId COORDINATOR = MemberId.of("coco");
    static final LocalDate JAN_1 = LocalDate.parse("2026-01-01");
    static final LocalDate FEB_1 = LocalDate.parse("2026-02-01");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    PartnerReciprocity reciprocity;
    final List<Object> events = new ArrayList<>();

    @BeforeEach
    void setUp() {
        reciprocity = new PartnerReciprocity(ReadModelDatabase.fresh());
        given(new PartnerRegistered(WEST, CommandId.of("p"), CARE, PartnerKind.values()[0], JAN_1, COORDINATOR, AT),
                valuation("v1", "10.00", JAN_1));
    }

    void given(Object... more) {
        GivenEvents.into(reciprocity).given(more);
        events.addAll(List.of(more));
    }

    static HourValuationSet valuation(String id, String perHour, LocalDate from) {
        return new HourValuationSet(WEST, CommandId.of(id), Money.eur(perHour), from, HourValuationMethod.FIXED_AGREED, from, COORDINATOR, AT);
    }

    static HoursDrawn hours(String id, InitiativeId initiative, long minutes, LocalDate on) {
        return new HoursDrawn(CARE, WEST, CommandId.of(id), initiative, Hours.ofMinutes(minutes), on, COORDINATOR, AT);
    }

    static ServiceDrawn services(String id, ServiceCategory category, int count, LocalDate on) {
        return new ServiceDrawn(CARE, WEST, CommandId.of(id), MEALS, category, count, on, COORDINATOR, AT);
    }

    static MoneyReturned money(String id, InitiativeId initiative, String amount, LocalDate on) {
        return new MoneyReturned(CARE, WEST, CommandId.of(id), initiative, Money.eur(amount), on, COORDINATOR, AT);
    }

    static ReciprocityEntryReversed reversal(String id, ReciprocityEntry original, LocalDate on) {
        return new ReciprocityEntryReversed(CARE, WEST, CommandId.of(id), original, ReversalReason.WRONG_AMOUNT, on,
                COORDINATOR, AT);
    }

    @Test
    void eachEntryKeepsTheValuationInForceOnItsOwnDate() {
        given(hours("h1", MEALS, 60, JAN_1.plusDays(14)));
        PartnerStatement januaryBefore = reciprocity.statement(WEST, CARE, JAN_1, JAN_1.plusDays(30));

        given(valuation("v2", "12.50", FEB_1), hours("h2", MEALS, 20, FEB_1.plusDays(9)));
        PartnerStatement januaryAfter = reciprocity.statement(WEST, CARE, JAN_1, JAN_1.plusDays(30));
        StatementLine janAndFeb = reciprocity.statement(WEST, CARE, JAN_1, FEB_1.plusDays(27)).total();

        assertThat(januaryAfter).isEqualTo(januaryBefore);
        assertThat(januaryAfter.total().drawnValue()).isEqualTo(Money.eur("10.00"));
        // 20 minutes at €12.50 is €4.1666…, rounded half-even per entry as the domain does
        assertThat(janAndFeb.drawnValue()).isEqualTo(Money.eur("14.17"));
        assertThat(janAndFeb.drawnMinutes()).isEqualTo(80);
    }

    @Test
    void aReversalCountsOnItsOwnDateWithTheValueOfTheEntryItReverses() {
        HoursDrawn wrong = hours("h1", MEALS, 90, JAN_1.plusDays(14));
        given(wrong, valuation("v2", "12.50", FEB_1), reversal("r1", wrong, FEB_1.plusDays(19)));

        StatementLine january = reciprocity.statement(WEST, CARE, JAN_1, JAN_1.plusDays(30)).total();
        StatementLine february = reciprocity.statement(WEST, CARE, FEB_1, FEB_1.plusDays(27)).total();

        assertThat(january.drawnValue()).isEqualTo(Money.eur("15.00"));
        assertThat(february.drawnMinutes()).isEqualTo(-90);
        assertThat(february.drawnValue()).isEqualTo(Money.eur("-15.00"));
        assertThat(reciprocity.balanceOf(WEST, CARE, FEB_1.plusDays(19)).drawnValue()).isEqualTo(Money.eur("0.00"));
        assertThat(reciprocity.balanceOf(WEST, CARE, FEB_1.plusDays(18)).drawnValue()).isEqualTo(Money.eur("15.00"));
    }

    @Test
    void countsBelowFiveAreShownAsLessThanFiveAndAmountsStayExact() {
        given(services("s1", ServiceCategory.MEAL, 3, JAN_1.plusDays(1)),
                services("s2", ServiceCategory.ADVICE, 7, JAN_1.plusDays(1)),
                money("m1", MEALS, "125.00", JAN_1.plusDays(2)), money("m2", MEALS, "0.01", JAN_1.plusDays(3)));
        for (int i = 0; i < 5; i++) {
            given(hours("h" + i, MEALS, 30, JAN_1.plusDays(4)));
        }

        StatementLine meals = reciprocity.statement(WEST, CARE, JAN_1, JAN_1.plusDays(30)).initiatives().get(0);

        assertThat(meals.servicesDrawn()).containsEntry(ServiceCategory.MEAL, "< 5")
                .containsEntry(ServiceCategory.ADVICE, "7").containsEntry(ServiceCategory.ROOM_USE, "< 5");
        assertThat(meals.moneyReturns()).isEqualTo("< 5");
        assertThat(meals.returnedMoney()).isEqualTo(Money.eur("125.01"));
        assertThat(meals.hoursEntries()).isEqualTo("5");
        assertThat(meals.drawnMinutes()).isEqualTo(150);
        assertThat(SmallCounts.shown(0)).isEqualTo("< 5");
        assertThat(SmallCounts.shown(4)).isEqualTo("< 5");
    }

    @Test
    void statementPerInitiativeAndInTotalWithBalanceAndNoPerson() {
        given(hours("h1", MEALS, 120, JAN_1.plusDays(3)), hours("h2", HELP, 60, JAN_1.plusDays(4)),
                money("m1", HELP, "50.00", JAN_1.plusDays(5)),
                new InKindReturned(CARE, WEST, CommandId.of("k1"), MEALS, InKindCategory.ROOM, Money.eur("7.50"),
                        JAN_1.plusDays(6), COORDINATOR, AT));

        PartnerStatement statement = reciprocity.statement(WEST, CARE, JAN_1, JAN_1.plusDays(30));

        assertThat(statement.initiatives()).extracting(StatementLine::initiativeId).containsExactly(MEALS, HELP);
        StatementLine meals = statement.initiatives().get(0);
        assertThat(meals.balance()).isEqualTo(Money.eur("-12.50"));
        assertThat(statement.initiatives().get(1).balance()).isEqualTo(Money.eur("40.00"));
        assertThat(statement.total().balance()).isEqualTo(Money.eur("27.50"));
        assertThat(statement.total().initiativeId()).isNull();
        assertThat(statement.toString()).doesNotContain(COORDINATOR.value());
    }

    @Test
    void agreesWithTheDomainsOwnStatement() {
        HoursDrawn early = hours("h0", MEALS, 45, JAN_1.minusDays(3));
        given(early, hours("h1", MEALS, 20, JAN_1.plusDays(3)), valuation("v2", "12.50", FEB_1),
                hours("h2", HELP, 35, FEB_1.plusDays(2)), money("m1", HELP, "9.99", FEB_1.plusDays(3)),
                reversal("r0", early, FEB_1.plusDays(4)), services("s1", ServiceCategory.MEAL, 6, FEB_1));

        ReciprocityStatement domain = ReciprocityStatement.of(CARE, JAN_1.minusDays(10), FEB_1.plusDays(27), events,
                HourValuations.of(WEST, events));
        StatementLine total = reciprocity.statement(WEST, CARE, JAN_1.minusDays(10), FEB_1.plusDays(27)).total();

        assertThat(total.drawnMinutes()).isEqualTo(domain.drawnMinutes());
        assertThat(total.unvaluedMinutes()).isEqualTo(domain.unvaluedMinutes());
        assertThat(total.drawnValue()).isEqualTo(domain.drawnValue());
        assertThat(total.returnedMoney()).isEqualTo(domain.returnedMoney());
        assertThat(total.balance()).isEqualTo(domain.balance());
    }

    @Test
    void knowsOnlyRegisteredPartnersOfTheCommunity() {
        assertThat(reciprocity.knows(WEST, CARE)).isTrue();
        assertThat(reciprocity.knows(WEST, PartnerId.of("onbekend"))).isFalse();
    }

    @Test
    void monthByMonthEachMonthIsItsOwnStatementAndTheRunningBalanceAddsUp() {
        LocalDate march = LocalDate.parse("2026-03-05");
        given(money("m0", MEALS, "5.00", JAN_1.minusDays(10)),
                hours("h1", MEALS, 60, JAN_1.plusDays(3)), money("m1", HELP, "4.00", JAN_1.plusDays(20)),
                valuation("v2", "12.00", march), hours("h2", HELP, 90, march), money("m2", MEALS, "30.00", march.plusDays(1)));

        List<MonthFigures> months = reciprocity.monthly(WEST, CARE, java.time.YearMonth.of(2026, 1),
                java.time.YearMonth.of(2026, 3));

        assertThat(months).extracting(MonthFigures::month).containsExactly(java.time.YearMonth.of(2026, 1),
                java.time.YearMonth.of(2026, 2), java.time.YearMonth.of(2026, 3));
        for (MonthFigures month : months) {
            StatementLine statement = reciprocity.statement(WEST, CARE, month.month().atDay(1), month.month().atEndOfMonth())
                    .total();
            assertThat(month.drawnValue()).isEqualTo(statement.drawnValue());
            assertThat(month.drawnMinutes()).isEqualTo(statement.drawnMinutes());
            assertThat(month.returnedMoney()).isEqualTo(statement.returnedMoney());
            assertThat(month.balance()).isEqualTo(statement.balance());
        }
        // Before January: +5.00. January: 4.00 - 10.00. February: nothing. March: 30.00 - 18.00.
        assertThat(months).extracting(MonthFigures::runningBalance).containsExactly(Money.eur("-1.00"),
                Money.eur("-1.00"), Money.eur("11.00"));
        assertThat(months.get(2).runningBalance())
                .isEqualTo(reciprocity.balanceOf(WEST, CARE, march.withDayOfMonth(31)).balance());
    }

    @Test
    void theWijkIsShownByItsLatestNameAndTheValuationHistoryOldestFirst() {
        assertThat(reciprocity.nameOf(WEST)).isEqualTo("rotterdam-west");
        given(new nl.wederkerig.core.community.CommunityNamed(WEST, nl.wederkerig.core.community.CommunityName.of("West"),
                        JAN_1, COORDINATOR, AT),
                new nl.wederkerig.core.community.CommunityNamed(WEST,
                        nl.wederkerig.core.community.CommunityName.of("Rotterdam West"), FEB_1, COORDINATOR, AT),
                valuation("v2", "12.50", FEB_1));

        assertThat(reciprocity.nameOf(WEST)).isEqualTo("Rotterdam West");
        assertThat(reciprocity.valuationsOf(WEST)).containsExactly(new HourValuation(JAN_1, Money.eur("10.00"), HourValuationMethod.FIXED_AGREED),
                new HourValuation(FEB_1, Money.eur("12.50"), HourValuationMethod.FIXED_AGREED));
        assertThat(reciprocity.partnersOf(WEST)).containsExactly(CARE);
        assertThat(reciprocity.partnersOf(CommunityId.of("elders"))).isEmpty();
    }

    @Test
    void theCoordinatorsListShowsEachEntryNewestFirstAndWhichWereReversed() {
        HoursDrawn first = hours("h1", MEALS, 60, JAN_1.plusDays(1));
        given(first, money("m1", HELP, "4.00", JAN_1.plusDays(2)), reversal("r1", first, JAN_1.plusDays(3)));

        List<EntryView> entries = reciprocity.entriesOf(WEST, CARE, 10);

        assertThat(entries).extracting(EntryView::entryId).containsExactly("r1", "m1", "h1");
        assertThat(entries.get(0).reversal()).isTrue();
        assertThat(entries.get(0).minutes()).isEqualTo(60);
        assertThat(entries.get(1).amount()).isEqualTo(Money.eur("4.00"));
        assertThat(entries.get(2).reversed()).isTrue();
        assertThat(entries.get(1).reversed()).isFalse();
        assertThat(reciprocity.entriesOf(WEST, CARE, 2)).hasSize(2);
    }
}
