package nl.wederkerig.core.errands;

import nl.wederkerig.core.TestCommunity;
import nl.wederkerig.core.community.UnknownMember;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.OpenErrandAdvance;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.shared.ActorNotAllowed;
import nl.wederkerig.core.shared.AmountNotPositive;
import nl.wederkerig.core.shared.AmountTooLarge;
import nl.wederkerig.core.shared.BusinessDateOutOfRange;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.InWrongState;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.NotAParty;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptMissing;
import nl.wederkerig.core.shared.ReceiptReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.MONDAY;
import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

class ErrandTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final ErrandId ERRAND = ErrandId.of("errand-1");
    static final MemberId ASKER = MemberId.of("bram");
    static final MemberId HELPER = MemberId.of("amina");
    static final MemberId CEES = MemberId.of("cees");
    static final CommandId C1 = CommandId.of("c-1");
    static final CommandId C2 = CommandId.of("c-2");
    static final ReceiptReference BON = ReceiptReference.of("AH-2026-11-16-0042");
    static final MemberId DIRK = MemberId.of("dirk");
    static final MemberId NOBODY = MemberId.of("nobody");

    FixtureConfiguration<Errand> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Errand.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(TestCommunity.founded(WEST, MemberId.of("coord"))
                .members(ASKER, HELPER, CEES).formerMembers(DIRK).parties());
    }

    static StartErrand start(String entrusted, MemberId actor) {
        return new StartErrand(ERRAND, WEST, ASKER, HELPER, Money.eur(entrusted), Purpose.GROCERIES, MONDAY, actor);
    }

    static ErrandStarted started() {
        return new ErrandStarted(ERRAND, WEST, ASKER, HELPER, Money.eur("50.00"), Purpose.GROCERIES, MONDAY, ASKER, NOW);
    }

    static ErrandSpendingReported reported(String spent, String settled, String change) {
        return new ErrandSpendingReported(ERRAND, WEST, C1, ASKER, HELPER, Money.eur(spent), Money.eur(settled),
                Money.eur(change), BON, TODAY, HELPER, NOW);
    }

    @Nested
    class Starting {
        @Test
        void askerHandsOverCash() {
            fixture.givenNoPriorActivity().when(start("50.00", ASKER)).expectEvents(started());
        }

        @Test
        void helperMayRecordTheHandOverToo() {
            fixture.givenNoPriorActivity().when(start("50.00", HELPER)).expectEvents(
                    new ErrandStarted(ERRAND, WEST, ASKER, HELPER, Money.eur("50.00"), Purpose.GROCERIES, MONDAY, HELPER, NOW));
        }

        @Test
        void retryAndMismatch() {
            fixture.given(started()).when(start("50.00", ASKER)).expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(started()).when(start("60.00", ASKER)).expectException(CommandIdReused.class).expectNoEvents();
        }

        @Test
        void rejectsAThirdParty() {
            fixture.givenNoPriorActivity().when(start("50.00", CEES)).expectException(ActorNotAllowed.class).expectNoEvents();
        }

        @Test
        void rejectsAnErrandForOneself() {
            fixture.givenNoPriorActivity()
                    .when(new StartErrand(ERRAND, WEST, ASKER, ASKER, Money.eur("5.00"), Purpose.GROCERIES, MONDAY, ASKER))
                    .expectException(SelfErrand.class).expectNoEvents();
        }

        @Test
        void rejectsAHelperOrAskerWhoIsNoMember() {
            fixture.givenNoPriorActivity()
                    .when(new StartErrand(ERRAND, WEST, ASKER, NOBODY, Money.eur("5.00"), Purpose.GROCERIES, MONDAY, ASKER))
                    .expectException(UnknownMember.class).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new StartErrand(ERRAND, WEST, NOBODY, HELPER, Money.eur("5.00"), Purpose.GROCERIES, MONDAY, HELPER))
                    .expectException(UnknownMember.class).expectNoEvents();
        }

        @Test
        void nobodyStartsAnErrandWithAMemberWhoLeft() {
            fixture.givenNoPriorActivity()
                    .when(new StartErrand(ERRAND, WEST, ASKER, DIRK, Money.eur("5.00"), Purpose.GROCERIES, MONDAY, ASKER))
                    .expectException(UnknownMember.class).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new StartErrand(ERRAND, WEST, DIRK, HELPER, Money.eur("5.00"), Purpose.GROCERIES, MONDAY, DIRK))
                    .expectException(UnknownMember.class).expectNoEvents();
        }

        @Test
        void aHelperWhoLeftStillAccountsForTheCashTheyHold() {
            fixture.given(new ErrandStarted(ERRAND, WEST, ASKER, DIRK, Money.eur("50.00"), Purpose.GROCERIES, MONDAY, ASKER, NOW))
                    .when(new ReportErrandSpending(ERRAND, C1, Money.eur("43.20"), BON, TODAY, DIRK))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void rejectsZeroAndTooMuch() {
            fixture.givenNoPriorActivity().when(start("0.00", ASKER)).expectException(AmountNotPositive.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(start("500.01", ASKER)).expectException(AmountTooLarge.class).expectNoEvents();
        }
    }

    @Nested
    class Reporting {
        @Test
        void spendingLessLeavesChangeDue() {
            fixture.given(started())
                    .when(new ReportErrandSpending(ERRAND, C1, Money.eur("43.20"), BON, TODAY, HELPER))
                    .expectEvents(reported("43.20", "43.20", "6.80"));
        }

        @Test
        void spendingExactlyTheEntrustedAmountLeavesNothingDue() {
            fixture.given(started())
                    .when(new ReportErrandSpending(ERRAND, C1, Money.eur("50.00"), BON, TODAY, HELPER))
                    .expectEvents(reported("50.00", "50.00", "0.00"));
        }

        @Test
        void overspendingBecomesAnAdvanceLinkedToTheErrand() {
            fixture.given(started())
                    .when(new ReportErrandSpending(ERRAND, C1, Money.eur("55.20"), BON, TODAY, HELPER))
                    .expectEvents(reported("55.20", "50.00", "0.00"),
                            new ErrandOverspent(ERRAND, WEST, Errand.overspendAdvanceId(ERRAND), HELPER, ASKER, Money.eur("5.20"), TODAY, HELPER, NOW));
        }

        @Test
        void nothingSpentNeedsNoReceipt() {
            fixture.given(started())
                    .when(new ReportErrandSpending(ERRAND, C1, Money.eur("0.00"), null, TODAY, HELPER))
                    .expectEvents(new ErrandSpendingReported(ERRAND, WEST, C1, ASKER, HELPER, Money.eur("0.00"),
                            Money.eur("0.00"), Money.eur("50.00"), null, TODAY, HELPER, NOW));
        }

        @Test
        void spendingNeedsAReceipt() {
            fixture.given(started())
                    .when(new ReportErrandSpending(ERRAND, C1, Money.eur("10.00"), null, TODAY, HELPER))
                    .expectException(ReceiptMissing.class).expectNoEvents();
        }

        @Test
        void onlyTheHelperReports() {
            fixture.given(started())
                    .when(new ReportErrandSpending(ERRAND, C1, Money.eur("10.00"), BON, TODAY, ASKER))
                    .expectException(ActorNotAllowed.class).expectNoEvents();
        }

        @Test
        void rejectsNegativeAndImplausibleSpending() {
            fixture.given(started()).when(new ReportErrandSpending(ERRAND, C1, Money.eur("-1.00"), BON, TODAY, HELPER))
                    .expectException(AmountNotPositive.class).expectNoEvents();
            fixture.given(started()).when(new ReportErrandSpending(ERRAND, C1, Money.eur("1000.01"), BON, TODAY, HELPER))
                    .expectException(AmountTooLarge.class).expectNoEvents();
        }

        @Test
        void rejectsReportingTwiceAndADateBeforeTheErrand() {
            fixture.given(started(), reported("43.20", "43.20", "6.80"))
                    .when(new ReportErrandSpending(ERRAND, C2, Money.eur("1.00"), BON, TODAY, HELPER))
                    .expectException(InWrongState.class).expectNoEvents();
            fixture.given(started())
                    .when(new ReportErrandSpending(ERRAND, C1, Money.eur("1.00"), BON, MONDAY.minusDays(1), HELPER))
                    .expectException(BusinessDateOutOfRange.class).expectNoEvents();
        }

        @Test
        void retryAndMismatch() {
            fixture.given(started(), reported("43.20", "43.20", "6.80"))
                    .when(new ReportErrandSpending(ERRAND, C1, Money.eur("43.20"), BON, TODAY, HELPER))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(started(), reported("43.20", "43.20", "6.80"))
                    .when(new ReportErrandSpending(ERRAND, C1, Money.eur("43.21"), BON, TODAY, HELPER))
                    .expectException(CommandIdReused.class).expectNoEvents();
        }
    }

    @Nested
    class ReturningChange {
        @Test
        void helperHandsBackExactlyTheChange() {
            fixture.given(started(), reported("43.20", "43.20", "6.80"))
                    .when(new ReturnErrandChange(ERRAND, C2, Money.eur("6.80"), TODAY, HELPER))
                    .expectEvents(new ErrandChangeReturned(ERRAND, WEST, C2, ASKER, HELPER, Money.eur("6.80"), TODAY, HELPER, NOW));
        }

        @Test
        void rejectsTheWrongChange() {
            fixture.given(started(), reported("43.20", "43.20", "6.80"))
                    .when(new ReturnErrandChange(ERRAND, C2, Money.eur("6.00"), TODAY, HELPER))
                    .expectException(ChangeMismatch.class).expectNoEvents();
        }

        @Test
        void rejectsChangeWhenNoneIsDueOrBeforeReporting() {
            fixture.given(started(), reported("50.00", "50.00", "0.00"))
                    .when(new ReturnErrandChange(ERRAND, C2, Money.eur("0.00"), TODAY, HELPER))
                    .expectException(InWrongState.class).expectNoEvents();
            fixture.given(started())
                    .when(new ReturnErrandChange(ERRAND, C2, Money.eur("50.00"), TODAY, HELPER))
                    .expectException(InWrongState.class).expectNoEvents();
        }

        @Test
        void onlyTheHelperHandsBack() {
            fixture.given(started(), reported("43.20", "43.20", "6.80"))
                    .when(new ReturnErrandChange(ERRAND, C2, Money.eur("6.80"), TODAY, ASKER))
                    .expectException(ActorNotAllowed.class).expectNoEvents();
        }

        @Test
        void retryChangesNothing() {
            fixture.given(started(), reported("43.20", "43.20", "6.80"),
                            new ErrandChangeReturned(ERRAND, WEST, C2, ASKER, HELPER, Money.eur("6.80"), TODAY, HELPER, NOW))
                    .when(new ReturnErrandChange(ERRAND, C2, Money.eur("6.80"), TODAY, HELPER))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    @Test
    void eachErrandsOverspendHasItsOwnStableAdvanceId() {
        assertThat(Errand.overspendAdvanceId(ERRAND)).isEqualTo(Errand.overspendAdvanceId(ErrandId.of("errand-1")));
        assertThat(Errand.overspendAdvanceId(ERRAND)).isNotEqualTo(Errand.overspendAdvanceId(ErrandId.of("errand-2")));
    }

    @Test
    void theOverspendPolicyOpensTheLinkedAdvance() {
        ErrandOverspent overspent = new ErrandOverspent(ERRAND, WEST, Errand.overspendAdvanceId(ERRAND), HELPER, ASKER, Money.eur("5.20"), TODAY, HELPER, NOW);
        assertThat(ErrandOverspendPolicy.commandFor(overspent)).isEqualTo(
                new OpenErrandAdvance(Errand.overspendAdvanceId(ERRAND), WEST, ERRAND, HELPER, ASKER, Money.eur("5.20"), TODAY, HELPER));
    }

    @Test
    void anOutsiderFindsNoErrandToReportOnOrHandBackChangeFor() {
        fixture.given(started()).when(new ReportErrandSpending(ERRAND, C1, Money.eur("10.00"), BON, TODAY, CEES))
                .expectException(NotAParty.class).expectNoEvents();
        fixture.given(started()).when(new ReturnErrandChange(ERRAND, C2, Money.eur("50.00"), TODAY, CEES))
                .expectException(NotAParty.class).expectNoEvents();
    }
}
