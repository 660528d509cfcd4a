package nl.wederkerig.core.reciprocity;

import nl.wederkerig.core.community.HourValuationMethod;
import nl.wederkerig.core.TestCommunity;
import nl.wederkerig.core.community.UnknownInitiative;
import nl.wederkerig.core.community.UnknownMember;
import nl.wederkerig.core.community.UnknownPartner;
import nl.wederkerig.core.community.HourValuationSet;
import nl.wederkerig.core.corrections.AlreadyReversed;
import nl.wederkerig.core.corrections.NotReversible;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.help.HoursNotPositive;
import nl.wederkerig.core.shared.AmountNotPositive;
import nl.wederkerig.core.shared.AmountTooLarge;
import nl.wederkerig.core.shared.BusinessDateOutOfRange;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.MONDAY;
import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

class PartnerAccountTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final CommunityId NOORD = CommunityId.of("rotterdam-noord");
    static final PartnerId CARE = PartnerId.of("zorg-west");
    static final InitiativeId HELP = InitiativeId.of("buurthulp");
    static final MemberId COORD = MemberId.of("coord");
    static final CommandId C1 = CommandId.of("c-1");
    static final CommandId C2 = CommandId.of("c-2");
    static final CommandId C3 = CommandId.of("c-3");

    FixtureConfiguration<PartnerAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PartnerAccount.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(TestCommunity.founded(WEST, COORD).formerMembers(MemberId.of("dirk"))
                .initiatives(HELP).partners(CARE).parties());
    }

    static HoursDrawn drawn(CommandId id, long minutes, LocalDate on) {
        return new HoursDrawn(CARE, WEST, id, HELP, Hours.ofMinutes(minutes), on, COORD, NOW);
    }

    @Nested
    class Recording {
        @Test
        void hoursDrawnOpenTheAccount() {
            fixture.givenNoPriorActivity()
                    .when(new RecordHoursDrawn(CARE, C1, WEST, HELP, Hours.ofMinutes(180), MONDAY, COORD))
                    .expectEvents(drawn(C1, 180, MONDAY));
        }

        @Test
        void servicesMoneyAndInKind() {
            fixture.given(drawn(C1, 180, MONDAY))
                    .when(new RecordServiceDrawn(CARE, C2, WEST, HELP, ServiceCategory.ROOM_USE, 4, TODAY, COORD))
                    .expectEvents(new ServiceDrawn(CARE, WEST, C2, HELP, ServiceCategory.ROOM_USE, 4, TODAY, COORD, NOW));
            fixture.given(drawn(C1, 180, MONDAY))
                    .when(new RecordMoneyReturned(CARE, C2, WEST, HELP, Money.eur("250.00"), TODAY, COORD))
                    .expectEvents(new MoneyReturned(CARE, WEST, C2, HELP, Money.eur("250.00"), TODAY, COORD, NOW));
            fixture.given(drawn(C1, 180, MONDAY))
                    .when(new RecordInKindReturned(CARE, C2, WEST, HELP, InKindCategory.ROOM, Money.eur("80.00"), TODAY, COORD))
                    .expectEvents(new InKindReturned(CARE, WEST, C2, HELP, InKindCategory.ROOM, Money.eur("80.00"), TODAY, COORD, NOW));
        }

        @Test
        void rejectsNothingAndTooMuch() {
            fixture.givenNoPriorActivity().when(new RecordHoursDrawn(CARE, C1, WEST, HELP, Hours.ofMinutes(0), MONDAY, COORD))
                    .expectException(HoursNotPositive.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new RecordServiceDrawn(CARE, C1, WEST, HELP, ServiceCategory.MEAL, 0, TODAY, COORD))
                    .expectException(ServiceCountOutOfRange.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new RecordServiceDrawn(CARE, C1, WEST, HELP, ServiceCategory.MEAL, 1001, TODAY, COORD))
                    .expectException(ServiceCountOutOfRange.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new RecordMoneyReturned(CARE, C1, WEST, HELP, Money.eur("0.00"), TODAY, COORD))
                    .expectException(AmountNotPositive.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new RecordInKindReturned(CARE, C1, WEST, HELP, InKindCategory.FOOD, Money.eur("100000.01"), TODAY, COORD))
                    .expectException(AmountTooLarge.class).expectNoEvents();
        }

        @Test
        void rejectsAnotherCommunityAndAFutureDate() {
            fixture.given(drawn(C1, 60, MONDAY))
                    .when(new RecordHoursDrawn(CARE, C2, NOORD, HELP, Hours.ofMinutes(60), TODAY, COORD))
                    .expectException(WrongCommunity.class).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new RecordHoursDrawn(CARE, C1, WEST, HELP, Hours.ofMinutes(60), TODAY.plusDays(1), COORD))
                    .expectException(BusinessDateOutOfRange.class).expectNoEvents();
        }

        @Test
        void namesOnlyARegisteredPartner() {
            fixture.givenNoPriorActivity()
                    .when(new RecordHoursDrawn(PartnerId.of("ghost"), C1, WEST, HELP, Hours.ofMinutes(60), MONDAY, COORD))
                    .expectException(UnknownPartner.class).expectNoEvents();
        }

        @Test
        void namesOnlyARegisteredInitiative() {
            fixture.givenNoPriorActivity()
                    .when(new RecordMoneyReturned(CARE, C1, WEST, InitiativeId.of("ghost"), Money.eur("5.00"), TODAY, COORD))
                    .expectException(UnknownInitiative.class).expectNoEvents();
        }

        @Test
        void isRecordedByACurrentMember() {
            fixture.givenNoPriorActivity()
                    .when(new RecordServiceDrawn(CARE, C1, WEST, HELP, ServiceCategory.MEAL, 3, TODAY, MemberId.of("dirk")))
                    .expectException(UnknownMember.class).expectNoEvents();
        }

        @Test
        void retryAndMismatch() {
            fixture.given(drawn(C1, 180, MONDAY))
                    .when(new RecordHoursDrawn(CARE, C1, WEST, HELP, Hours.ofMinutes(180), MONDAY, COORD))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(drawn(C1, 180, MONDAY))
                    .when(new RecordHoursDrawn(CARE, C1, WEST, HELP, Hours.ofMinutes(181), MONDAY, COORD))
                    .expectException(CommandIdReused.class).expectNoEvents();
        }
    }

    @Nested
    class Reversing {
        @Test
        void reversesOnceCarryingTheOriginal() {
            fixture.given(drawn(C1, 180, MONDAY))
                    .when(new ReverseReciprocityEntry(CARE, C2, C1, ReversalReason.DUPLICATE, TODAY, COORD))
                    .expectEvents(new ReciprocityEntryReversed(CARE, WEST, C2, drawn(C1, 180, MONDAY), ReversalReason.DUPLICATE, TODAY, COORD, NOW));
            fixture.given(drawn(C1, 180, MONDAY),
                            new ReciprocityEntryReversed(CARE, WEST, C2, drawn(C1, 180, MONDAY), ReversalReason.DUPLICATE, TODAY, COORD, NOW))
                    .when(new ReverseReciprocityEntry(CARE, C3, C1, ReversalReason.OTHER, TODAY, COORD))
                    .expectException(AlreadyReversed.class).expectNoEvents();
        }

        @Test
        void rejectsAnUnknownEntry() {
            fixture.given(drawn(C1, 180, MONDAY))
                    .when(new ReverseReciprocityEntry(CARE, C2, C3, ReversalReason.OTHER, TODAY, COORD))
                    .expectException(NotReversible.class).expectNoEvents();
        }
    }

    @Nested
    class Statements {
        final LocalDate jan1 = LocalDate.parse("2026-01-01");
        final LocalDate jun1 = LocalDate.parse("2026-06-01");

        HourValuationSet valuation(String perHour, LocalDate from) {
            return new HourValuationSet(WEST, CommandId.of("v-" + from), Money.eur(perHour), from, HourValuationMethod.FIXED_AGREED, from, COORD, NOW);
        }

        @Test
        void valuesEachEntryWithTheValuationInForceOnItsDate() {
            List<Object> events = List.of(valuation("12.50", jan1), valuation("15.00", jun1),
                    drawn(C1, 20, LocalDate.parse("2026-03-01")),
                    drawn(C2, 120, LocalDate.parse("2026-07-01")),
                    new MoneyReturned(CARE, WEST, C3, HELP, Money.eur("10.00"), LocalDate.parse("2026-07-02"), COORD, NOW),
                    new ServiceDrawn(CARE, WEST, CommandId.of("s-1"), HELP, ServiceCategory.MEAL, 12, LocalDate.parse("2026-07-03"), COORD, NOW));
            ReciprocityStatement statement = ReciprocityStatement.of(CARE, jan1, LocalDate.parse("2026-12-31"), events,
                    HourValuations.of(WEST, events));
            // 20 min at 12.50 = 4.1666.. -> 4.17; 120 min at 15.00 = 30.00
            assertThat(statement.drawnMinutes()).isEqualTo(140);
            assertThat(statement.drawnValue()).isEqualTo(Money.eur("34.17"));
            assertThat(statement.returnedMoney()).isEqualTo(Money.eur("10.00"));
            assertThat(statement.balance()).isEqualTo(Money.eur("-24.17"));
            assertThat(statement.servicesDrawn()).isEqualTo(Map.of(ServiceCategory.MEAL, 12));
        }

        @Test
        void aNewValuationNeverChangesAPastStatement() {
            List<Object> events = new ArrayList<>(List.of(valuation("12.50", jan1), drawn(C1, 90, LocalDate.parse("2026-03-01"))));
            ReciprocityStatement before = ReciprocityStatement.of(CARE, jan1, LocalDate.parse("2026-03-31"), events, HourValuations.of(WEST, events));
            events.add(valuation("20.00", TODAY));
            ReciprocityStatement after = ReciprocityStatement.of(CARE, jan1, LocalDate.parse("2026-03-31"), events, HourValuations.of(WEST, events));
            assertThat(after).isEqualTo(before);
            assertThat(after.drawnValue()).isEqualTo(Money.eur("18.75"));
        }

        @Test
        void hoursBeforeAnyValuationAreShownUnvaluedAndReversalsCancel() {
            List<Object> events = List.of(drawn(C1, 60, MONDAY), drawn(C2, 30, MONDAY),
                    new ReciprocityEntryReversed(CARE, WEST, C3, drawn(C2, 30, MONDAY), ReversalReason.DUPLICATE, TODAY, COORD, NOW));
            ReciprocityStatement statement = ReciprocityStatement.of(CARE, MONDAY, TODAY, events, HourValuations.of(WEST, events));
            assertThat(statement.drawnMinutes()).isEqualTo(60);
            assertThat(statement.unvaluedMinutes()).isEqualTo(60);
            assertThat(statement.drawnValue()).isEqualTo(Money.eur("0.00"));
        }
    }
}
