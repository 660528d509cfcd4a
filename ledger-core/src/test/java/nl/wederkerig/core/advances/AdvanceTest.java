package nl.wederkerig.core.advances;

import nl.wederkerig.core.TestCommunity;
import nl.wederkerig.core.community.UnknownCommunity;
import nl.wederkerig.core.community.UnknownMember;
import nl.wederkerig.core.shared.ActorNotAllowed;
import nl.wederkerig.core.shared.AmountNotPositive;
import nl.wederkerig.core.shared.AmountTooLarge;
import nl.wederkerig.core.shared.BusinessDateOutOfRange;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.NotAParty;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;

class AdvanceTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    static final LocalDate MONDAY = LocalDate.parse("2026-11-16");
    static final AdvanceId ADVANCE = AdvanceId.of("adv-1");
    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final MemberId AMINA = MemberId.of("amina");
    static final MemberId BRAM = MemberId.of("bram");
    static final MemberId CEES = MemberId.of("cees");
    static final CommandId C1 = CommandId.of("c-1");
    static final CommandId C2 = CommandId.of("c-2");
    static final CommandId C3 = CommandId.of("c-3");
    /** A member who left the community. */
    static final MemberId DIRK = MemberId.of("dirk");
    /** Never a member. */
    static final MemberId NOBODY = MemberId.of("nobody");

    FixtureConfiguration<Advance> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Advance.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
        fixture.registerInjectableResource(TestCommunity.founded(WEST, MemberId.of("coord"))
                .members(AMINA, BRAM, CEES).formerMembers(DIRK).parties());
    }

    static MakeAdvance make(Money amount) {
        return new MakeAdvance(ADVANCE, WEST, AMINA, BRAM, amount, Purpose.GROCERIES, MONDAY, AMINA);
    }

    static AdvanceMade made(String amount) {
        return new AdvanceMade(ADVANCE, WEST, AMINA, BRAM, Money.eur(amount), Purpose.GROCERIES, MONDAY, AMINA, NOW);
    }

    static AdvanceReimbursed reimbursed(CommandId id, String amount, String after) {
        return new AdvanceReimbursed(ADVANCE, WEST, id, Money.eur(amount), Money.eur(after), TODAY, BRAM, NOW);
    }

    @Nested
    class Making {

        @Test
        void recordsTheAdvanceWithActorBusinessDateAndRecordingTime() {
            fixture.givenNoPriorActivity()
                    .when(make(Money.eur("50.00")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(made("50.00"));
        }

        @Test
        void aRepeatOfTheSameCommandChangesNothing() {
            fixture.given(made("50.00"))
                    .when(make(Money.eur("50.00")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theSameIdWithAnotherPayloadIsRejected() {
            fixture.given(made("50.00"))
                    .when(make(Money.eur("51.00")))
                    .expectException(CommandIdReused.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsZero() {
            fixture.givenNoPriorActivity().when(make(Money.eur("0.00")))
                    .expectException(AmountNotPositive.class).expectNoEvents();
        }

        @Test
        void rejectsNegative() {
            fixture.givenNoPriorActivity().when(make(Money.eur("-5.00")))
                    .expectException(AmountNotPositive.class).expectNoEvents();
        }

        @Test
        void rejectsMoreThanTheLimit() {
            fixture.givenNoPriorActivity().when(make(Money.eur("5000.01")))
                    .expectException(AmountTooLarge.class).expectNoEvents();
        }

        @Test
        void acceptsExactlyTheLimit() {
            fixture.givenNoPriorActivity().when(make(Money.eur("5000.00")))
                    .expectEvents(made("5000.00"));
        }

        @Test
        void rejectsAnotherCurrency() {
            Money dollars = new Money(new BigDecimal("50.00"), Currency.getInstance("USD"));
            fixture.givenNoPriorActivity().when(make(dollars))
                    .expectException(UnsupportedCurrency.class).expectNoEvents();
        }

        @Test
        void rejectsActingAsSomeoneElse() {
            MakeAdvance byCees = new MakeAdvance(ADVANCE, WEST, AMINA, BRAM, Money.eur("50.00"), Purpose.GROCERIES, MONDAY, CEES);
            fixture.givenNoPriorActivity().when(byCees)
                    .expectException(ActorNotAllowed.class).expectNoEvents();
        }

        @Test
        void rejectsAnAdvanceToOneself() {
            MakeAdvance toSelf = new MakeAdvance(ADVANCE, WEST, AMINA, AMINA, Money.eur("50.00"), Purpose.GROCERIES, MONDAY, AMINA);
            fixture.givenNoPriorActivity().when(toSelf)
                    .expectException(SelfAdvance.class).expectNoEvents();
        }

        @Test
        void rejectsABorrowerWhoIsNoMember() {
            fixture.givenNoPriorActivity()
                    .when(new MakeAdvance(ADVANCE, WEST, AMINA, NOBODY, Money.eur("50.00"), Purpose.GROCERIES, MONDAY, AMINA))
                    .expectException(UnknownMember.class).expectNoEvents();
        }

        @Test
        void rejectsABorrowerWhoLeft() {
            fixture.givenNoPriorActivity()
                    .when(new MakeAdvance(ADVANCE, WEST, AMINA, DIRK, Money.eur("50.00"), Purpose.GROCERIES, MONDAY, AMINA))
                    .expectException(UnknownMember.class).expectNoEvents();
        }

        @Test
        void aMemberWhoLeftStartsNoNewAdvance() {
            fixture.givenNoPriorActivity()
                    .when(new MakeAdvance(ADVANCE, WEST, DIRK, BRAM, Money.eur("50.00"), Purpose.GROCERIES, MONDAY, DIRK))
                    .expectException(UnknownMember.class).expectNoEvents();
        }

        @Test
        void rejectsAnAdvanceInACommunityThatWasNeverFounded() {
            fixture.givenNoPriorActivity()
                    .when(new MakeAdvance(ADVANCE, CommunityId.of("nowhere"), AMINA, BRAM, Money.eur("50.00"),
                            Purpose.GROCERIES, MONDAY, AMINA))
                    .expectException(UnknownCommunity.class).expectNoEvents();
        }

        @Test
        void aRetryAfterTheBorrowerLeftStillChangesNothing() {
            // Recorded while Dirk was a member; the client's retry must not turn into a refusal.
            fixture.given(new AdvanceMade(ADVANCE, WEST, AMINA, DIRK, Money.eur("50.00"), Purpose.GROCERIES, MONDAY, AMINA, NOW))
                    .when(new MakeAdvance(ADVANCE, WEST, AMINA, DIRK, Money.eur("50.00"), Purpose.GROCERIES, MONDAY, AMINA))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void rejectsAFutureBusinessDate() {
            MakeAdvance tomorrow = new MakeAdvance(ADVANCE, WEST, AMINA, BRAM, Money.eur("50.00"), Purpose.GROCERIES,
                    TODAY.plusDays(1), AMINA);
            fixture.givenNoPriorActivity().when(tomorrow)
                    .expectException(BusinessDateOutOfRange.class).expectNoEvents();
        }

        @Test
        void allowsBackDatingWithinTheLimitAndKeepsBothDates() {
            LocalDate lastYear = TODAY.minusDays(365);
            MakeAdvance backDated = new MakeAdvance(ADVANCE, WEST, AMINA, BRAM, Money.eur("50.00"), Purpose.PHARMACY, lastYear, AMINA);
            fixture.givenNoPriorActivity().when(backDated)
                    .expectEvents(new AdvanceMade(ADVANCE, WEST, AMINA, BRAM, Money.eur("50.00"), Purpose.PHARMACY, lastYear, AMINA, NOW));
        }

        @Test
        void rejectsBackDatingBeyondTheLimit() {
            MakeAdvance ancient = new MakeAdvance(ADVANCE, WEST, AMINA, BRAM, Money.eur("50.00"), Purpose.PHARMACY,
                    TODAY.minusYears(3), AMINA);
            fixture.givenNoPriorActivity().when(ancient)
                    .expectException(BusinessDateOutOfRange.class).expectNoEvents();
        }
    }

    @Nested
    class AcknowledgingAndDisputing {

        @Test
        void borrowerAcknowledges() {
            fixture.given(made("50.00"))
                    .when(new AcknowledgeAdvance(ADVANCE, C1, TODAY, BRAM))
                    .expectEvents(new AdvanceAcknowledged(ADVANCE, WEST, C1, TODAY, BRAM, NOW));
        }

        @Test
        void lenderCannotAcknowledgeForTheBorrower() {
            fixture.given(made("50.00"))
                    .when(new AcknowledgeAdvance(ADVANCE, C1, TODAY, AMINA))
                    .expectException(ActorNotAllowed.class).expectNoEvents();
        }

        @Test
        void acknowledgingTwiceWithANewIdIsRejected() {
            fixture.given(made("50.00"), new AdvanceAcknowledged(ADVANCE, WEST, C1, TODAY, BRAM, NOW))
                    .when(new AcknowledgeAdvance(ADVANCE, C2, TODAY, BRAM))
                    .expectException(AdvanceInWrongState.class).expectNoEvents();
        }

        @Test
        void repeatingTheSameAcknowledgementChangesNothing() {
            fixture.given(made("50.00"), new AdvanceAcknowledged(ADVANCE, WEST, C1, TODAY, BRAM, NOW))
                    .when(new AcknowledgeAdvance(ADVANCE, C1, TODAY, BRAM))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void reusingAnIdForAnotherCommandIsRejected() {
            fixture.given(made("50.00"), new AdvanceAcknowledged(ADVANCE, WEST, C1, TODAY, BRAM, NOW))
                    .when(new ReimburseAdvance(ADVANCE, C1, Money.eur("5.00"), TODAY, BRAM))
                    .expectException(CommandIdReused.class).expectNoEvents();
        }

        @Test
        void borrowerDisputes() {
            fixture.given(made("50.00"))
                    .when(new DisputeAdvance(ADVANCE, C1, DisputeReason.AMOUNT_WRONG, TODAY, BRAM))
                    .expectEvents(new AdvanceDisputed(ADVANCE, WEST, C1, DisputeReason.AMOUNT_WRONG, TODAY, BRAM, NOW));
        }

        @Test
        void cannotDisputeAfterAcknowledging() {
            fixture.given(made("50.00"), new AdvanceAcknowledged(ADVANCE, WEST, C1, TODAY, BRAM, NOW))
                    .when(new DisputeAdvance(ADVANCE, C2, DisputeReason.AMOUNT_WRONG, TODAY, BRAM))
                    .expectException(AdvanceInWrongState.class).expectNoEvents();
        }

        @Test
        void acknowledgingResolvesADispute() {
            fixture.given(made("50.00"), new AdvanceDisputed(ADVANCE, WEST, C1, DisputeReason.OTHER, TODAY, BRAM, NOW))
                    .when(new AcknowledgeAdvance(ADVANCE, C2, TODAY, BRAM))
                    .expectEvents(new AdvanceAcknowledged(ADVANCE, WEST, C2, TODAY, BRAM, NOW));
        }

        @Test
        void rejectsADateBeforeTheAdvance() {
            fixture.given(made("50.00"))
                    .when(new AcknowledgeAdvance(ADVANCE, C1, MONDAY.minusDays(1), BRAM))
                    .expectException(BusinessDateOutOfRange.class).expectNoEvents();
        }
    }

    @Nested
    class Reimbursing {

        @Test
        void partlyThenFullySettles() {
            fixture.given(made("50.00"), reimbursed(C1, "20.00", "30.00"))
                    .when(new ReimburseAdvance(ADVANCE, C2, Money.eur("30.00"), TODAY, BRAM))
                    .expectEvents(reimbursed(C2, "30.00", "0.00"));
        }

        @Test
        void rejectsMoreThanOutstanding() {
            fixture.given(made("50.00"), reimbursed(C1, "20.00", "30.00"))
                    .when(new ReimburseAdvance(ADVANCE, C2, Money.eur("30.01"), TODAY, BRAM))
                    .expectException(OverReimbursement.class).expectNoEvents();
        }

        @Test
        void rejectsZeroAndNegative() {
            fixture.given(made("50.00"))
                    .when(new ReimburseAdvance(ADVANCE, C1, Money.eur("0.00"), TODAY, BRAM))
                    .expectException(AmountNotPositive.class).expectNoEvents();
            fixture.given(made("50.00"))
                    .when(new ReimburseAdvance(ADVANCE, C1, Money.eur("-1.00"), TODAY, BRAM))
                    .expectException(AmountNotPositive.class).expectNoEvents();
        }

        @Test
        void rejectsAnotherCurrency() {
            Money pounds = new Money(new BigDecimal("10.00"), Currency.getInstance("GBP"));
            fixture.given(made("50.00"))
                    .when(new ReimburseAdvance(ADVANCE, C1, pounds, TODAY, BRAM))
                    .expectException(nl.wederkerig.core.shared.WrongCurrency.class).expectNoEvents();
        }

        @Test
        void onlyTheBorrowerReimburses() {
            fixture.given(made("50.00"))
                    .when(new ReimburseAdvance(ADVANCE, C1, Money.eur("10.00"), TODAY, AMINA))
                    .expectException(ActorNotAllowed.class).expectNoEvents();
        }

        @Test
        void rejectsReimbursingASettledAdvance() {
            fixture.given(made("50.00"), reimbursed(C1, "50.00", "0.00"))
                    .when(new ReimburseAdvance(ADVANCE, C2, Money.eur("1.00"), TODAY, BRAM))
                    .expectException(AdvanceClosed.class).expectNoEvents();
        }

        @Test
        void rejectsReimbursingACancelledAdvance() {
            fixture.given(made("50.00"), new AdvanceCancelled(ADVANCE, WEST, C1, Money.eur("50.00"), TODAY, AMINA, NOW))
                    .when(new ReimburseAdvance(ADVANCE, C2, Money.eur("10.00"), TODAY, BRAM))
                    .expectException(AdvanceClosed.class).expectNoEvents();
        }

        @Test
        void rejectsReimbursingAForgivenAdvance() {
            fixture.given(made("50.00"), new AdvanceForgiven(ADVANCE, WEST, C1, Money.eur("50.00"), TODAY, AMINA, NOW))
                    .when(new ReimburseAdvance(ADVANCE, C2, Money.eur("10.00"), TODAY, BRAM))
                    .expectException(AdvanceClosed.class).expectNoEvents();
        }

        @Test
        void rejectsReimbursingADisputedAdvance() {
            fixture.given(made("50.00"), new AdvanceDisputed(ADVANCE, WEST, C1, DisputeReason.OTHER, TODAY, BRAM, NOW))
                    .when(new ReimburseAdvance(ADVANCE, C2, Money.eur("10.00"), TODAY, BRAM))
                    .expectException(AdvanceInWrongState.class).expectNoEvents();
        }

        @Test
        void aBorrowerWhoLeftStillPaysBackWhatIsOpen() {
            fixture.given(new AdvanceMade(ADVANCE, WEST, AMINA, DIRK, Money.eur("50.00"), Purpose.GROCERIES, MONDAY, AMINA, NOW))
                    .when(new ReimburseAdvance(ADVANCE, C1, Money.eur("20.00"), TODAY, DIRK))
                    .expectEvents(new AdvanceReimbursed(ADVANCE, WEST, C1, Money.eur("20.00"), Money.eur("30.00"), TODAY, DIRK, NOW));
        }

        @Test
        void aRepeatedReimbursementChangesNothingEvenAfterSettling() {
            fixture.given(made("50.00"), reimbursed(C1, "50.00", "0.00"))
                    .when(new ReimburseAdvance(ADVANCE, C1, Money.eur("50.00"), TODAY, BRAM))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    @Nested
    class ConfirmingReceipt {

        @Test
        void lenderConfirmsAReimbursement() {
            fixture.given(made("50.00"), reimbursed(C1, "20.00", "30.00"))
                    .when(new ConfirmReimbursement(ADVANCE, C2, C1, TODAY, AMINA))
                    .expectEvents(new ReimbursementConfirmed(ADVANCE, WEST, C2, C1, TODAY, AMINA, NOW));
        }

        @Test
        void confirmsAfterSettlement() {
            fixture.given(made("50.00"), reimbursed(C1, "50.00", "0.00"))
                    .when(new ConfirmReimbursement(ADVANCE, C2, C1, TODAY, AMINA))
                    .expectEvents(new ReimbursementConfirmed(ADVANCE, WEST, C2, C1, TODAY, AMINA, NOW));
        }

        @Test
        void aLenderWhoLeftStillConfirmsReceipt() {
            fixture.given(new AdvanceMade(ADVANCE, WEST, DIRK, BRAM, Money.eur("50.00"), Purpose.GROCERIES, MONDAY, DIRK, NOW),
                            reimbursed(C1, "20.00", "30.00"))
                    .when(new ConfirmReimbursement(ADVANCE, C2, C1, TODAY, DIRK))
                    .expectEvents(new ReimbursementConfirmed(ADVANCE, WEST, C2, C1, TODAY, DIRK, NOW));
        }

        @Test
        void onlyTheLenderConfirms() {
            fixture.given(made("50.00"), reimbursed(C1, "20.00", "30.00"))
                    .when(new ConfirmReimbursement(ADVANCE, C2, C1, TODAY, BRAM))
                    .expectException(ActorNotAllowed.class).expectNoEvents();
        }

        @Test
        void rejectsAnUnknownReimbursement() {
            fixture.given(made("50.00"))
                    .when(new ConfirmReimbursement(ADVANCE, C2, C1, TODAY, AMINA))
                    .expectException(UnknownReimbursement.class).expectNoEvents();
        }

        @Test
        void rejectsConfirmingTwice() {
            fixture.given(made("50.00"), reimbursed(C1, "20.00", "30.00"),
                            new ReimbursementConfirmed(ADVANCE, WEST, C2, C1, TODAY, AMINA, NOW))
                    .when(new ConfirmReimbursement(ADVANCE, C3, C1, TODAY, AMINA))
                    .expectException(ReimbursementAlreadyConfirmed.class).expectNoEvents();
        }
    }

    @Nested
    class ForgivingAndCancelling {

        @Test
        void lenderForgivesWhatIsLeft() {
            fixture.given(made("50.00"), reimbursed(C1, "20.00", "30.00"))
                    .when(new ForgiveAdvance(ADVANCE, C2, TODAY, AMINA))
                    .expectEvents(new AdvanceForgiven(ADVANCE, WEST, C2, Money.eur("30.00"), TODAY, AMINA, NOW));
        }

        @Test
        void borrowerCannotForgiveThemselves() {
            fixture.given(made("50.00"))
                    .when(new ForgiveAdvance(ADVANCE, C1, TODAY, BRAM))
                    .expectException(ActorNotAllowed.class).expectNoEvents();
        }

        @Test
        void cannotForgiveASettledAdvance() {
            fixture.given(made("50.00"), reimbursed(C1, "50.00", "0.00"))
                    .when(new ForgiveAdvance(ADVANCE, C2, TODAY, AMINA))
                    .expectException(AdvanceClosed.class).expectNoEvents();
        }

        @Test
        void lenderCancelsAnUnacknowledgedAdvance() {
            fixture.given(made("50.00"))
                    .when(new CancelAdvance(ADVANCE, C1, TODAY, AMINA))
                    .expectEvents(new AdvanceCancelled(ADVANCE, WEST, C1, Money.eur("50.00"), TODAY, AMINA, NOW));
        }

        @Test
        void lenderCancelsADisputedAdvance() {
            fixture.given(made("50.00"), new AdvanceDisputed(ADVANCE, WEST, C1, DisputeReason.NOT_FOR_ME, TODAY, BRAM, NOW))
                    .when(new CancelAdvance(ADVANCE, C2, TODAY, AMINA))
                    .expectEvents(new AdvanceCancelled(ADVANCE, WEST, C2, Money.eur("50.00"), TODAY, AMINA, NOW));
        }

        @Test
        void cannotCancelAnAcknowledgedAdvance() {
            fixture.given(made("50.00"), new AdvanceAcknowledged(ADVANCE, WEST, C1, TODAY, BRAM, NOW))
                    .when(new CancelAdvance(ADVANCE, C2, TODAY, AMINA))
                    .expectException(AdvanceInWrongState.class).expectNoEvents();
        }

        @Test
        void cannotCancelAfterAPartReimbursement() {
            fixture.given(made("50.00"), reimbursed(C1, "10.00", "40.00"))
                    .when(new CancelAdvance(ADVANCE, C2, TODAY, AMINA))
                    .expectException(AdvanceInWrongState.class).expectNoEvents();
        }

        @Test
        void borrowerCannotCancel() {
            fixture.given(made("50.00"))
                    .when(new CancelAdvance(ADVANCE, C1, TODAY, BRAM))
                    .expectException(ActorNotAllowed.class).expectNoEvents();
        }

        @Test
        void cannotCancelTwice() {
            fixture.given(made("50.00"), new AdvanceCancelled(ADVANCE, WEST, C1, Money.eur("50.00"), TODAY, AMINA, NOW))
                    .when(new CancelAdvance(ADVANCE, C2, TODAY, AMINA))
                    .expectException(AdvanceClosed.class).expectNoEvents();
        }
    }

    @Nested
    class ReversingAReimbursement {

        final nl.wederkerig.core.corrections.ReversalReason wrong = nl.wederkerig.core.corrections.ReversalReason.ENTERED_IN_ERROR;

        ReimbursementReversed reversed(CommandId id, String amount, String after) {
            return new ReimbursementReversed(ADVANCE, WEST, id, C1, Money.eur(amount), Money.eur(after), wrong, TODAY, AMINA, NOW);
        }

        @Test
        void eitherPartyReversesItAndTheAmountIsOwedAgain() {
            fixture.given(made("50.00"), reimbursed(C1, "20.00", "30.00"))
                    .when(new ReverseReimbursement(ADVANCE, C2, C1, wrong, TODAY, AMINA))
                    .expectEvents(reversed(C2, "20.00", "50.00"));
        }

        @Test
        void onlyOnce() {
            fixture.given(made("50.00"), reimbursed(C1, "20.00", "30.00"), reversed(C2, "20.00", "50.00"))
                    .when(new ReverseReimbursement(ADVANCE, C3, C1, wrong, TODAY, BRAM))
                    .expectException(nl.wederkerig.core.corrections.AlreadyReversed.class).expectNoEvents();
        }

        @Test
        void aRetryChangesNothing() {
            fixture.given(made("50.00"), reimbursed(C1, "20.00", "30.00"), reversed(C2, "20.00", "50.00"))
                    .when(new ReverseReimbursement(ADVANCE, C2, C1, wrong, TODAY, AMINA))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aReversedReimbursementCannotBeConfirmed() {
            fixture.given(made("50.00"), reimbursed(C1, "20.00", "30.00"), reversed(C2, "20.00", "50.00"))
                    .when(new ConfirmReimbursement(ADVANCE, C3, C1, TODAY, AMINA))
                    .expectException(UnknownReimbursement.class).expectNoEvents();
        }

        @Test
        void rejectsAnUnknownReimbursement() {
            fixture.given(made("50.00"))
                    .when(new ReverseReimbursement(ADVANCE, C2, C1, wrong, TODAY, AMINA))
                    .expectException(nl.wederkerig.core.corrections.NotReversible.class).expectNoEvents();
        }

        @Test
        void rejectsAConfirmedReimbursement() {
            fixture.given(made("50.00"), reimbursed(C1, "20.00", "30.00"),
                            new ReimbursementConfirmed(ADVANCE, WEST, C2, C1, TODAY, AMINA, NOW))
                    .when(new ReverseReimbursement(ADVANCE, C3, C1, wrong, TODAY, BRAM))
                    .expectException(ReimbursementAlreadyConfirmed.class).expectNoEvents();
        }

        @Test
        void rejectsOnceTheAdvanceIsClosed() {
            fixture.given(made("50.00"), reimbursed(C1, "50.00", "0.00"))
                    .when(new ReverseReimbursement(ADVANCE, C2, C1, wrong, TODAY, AMINA))
                    .expectException(AdvanceClosed.class).expectNoEvents();
        }

        @Test
        void aThirdPartyCannot() {
            fixture.given(made("50.00"), reimbursed(C1, "20.00", "30.00"))
                    .when(new ReverseReimbursement(ADVANCE, C2, C1, wrong, TODAY, CEES))
                    .expectException(NotAParty.class).expectNoEvents();
        }
    }

    /** Someone who is neither lender nor borrower learns nothing: every step is refused as an unknown id would be. */
    @Nested
    class Outsiders {

        @Test
        void everyStepIsNotFoundForAnOutsider() {
            var reason = nl.wederkerig.core.corrections.ReversalReason.ENTERED_IN_ERROR;
            java.util.List<Object> steps = java.util.List.of(
                    new AcknowledgeAdvance(ADVANCE, C3, TODAY, CEES),
                    new DisputeAdvance(ADVANCE, C3, DisputeReason.AMOUNT_WRONG, TODAY, CEES),
                    new ReimburseAdvance(ADVANCE, C3, Money.eur("10.00"), TODAY, CEES),
                    new ConfirmReimbursement(ADVANCE, C3, C1, TODAY, CEES),
                    new ReverseReimbursement(ADVANCE, C3, C1, reason, TODAY, CEES),
                    new ForgiveAdvance(ADVANCE, C3, TODAY, CEES),
                    new CancelAdvance(ADVANCE, C3, TODAY, CEES));
            for (Object step : steps) {
                fixture.given(made("50.00"), reimbursed(C1, "20.00", "30.00")).when(step)
                        .expectException(NotAParty.class).expectNoEvents();
            }
        }

        @Test
        void theRefusalNamesNobody() {
            fixture.given(made("50.00")).when(new ForgiveAdvance(ADVANCE, C3, TODAY, CEES))
                    .expectException(NotAParty.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.not(org.hamcrest.Matchers.anyOf(
                            org.hamcrest.Matchers.containsString(AMINA.value()), org.hamcrest.Matchers.containsString(BRAM.value()))));
        }

        @Test
        void anOutsiderReusingAPartysCommandIdIsNotFoundRatherThanAReusedId() {
            // A "command-id-reused" answer would tell the outsider that the advance exists.
            fixture.given(made("50.00"), new AdvanceAcknowledged(ADVANCE, WEST, C1, TODAY, BRAM, NOW))
                    .when(new AcknowledgeAdvance(ADVANCE, C1, TODAY, CEES))
                    .expectException(NotAParty.class).expectNoEvents();
        }
    }

    /** A coordinator, or a helper the lender named, records an advance for a lender without a phone. */
    @Nested
    class OnBehalf {

        final MemberId coord = MemberId.of("coord");

        FixtureConfiguration<Advance> fixtureOver(TestCommunity community) {
            FixtureConfiguration<Advance> onBehalf = new AggregateTestFixture<>(Advance.class);
            onBehalf.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
            onBehalf.registerInjectableResource(community.parties());
            return onBehalf;
        }

        TestCommunity west() {
            return TestCommunity.founded(WEST, coord).members(AMINA, BRAM, CEES).formerMembers(DIRK);
        }

        MakeAdvance madeFor(MemberId lender, MemberId actor) {
            return new MakeAdvance(ADVANCE, WEST, lender, BRAM, Money.eur("20.00"), Purpose.GROCERIES, MONDAY, actor);
        }

        @Test
        void aNamedHelperRecordsForTheLenderAndTheEventKeepsBoth() {
            fixtureOver(west().helperNamed(AMINA, CEES)).givenNoPriorActivity()
                    .when(madeFor(AMINA, CEES))
                    .expectEvents(new AdvanceMade(ADVANCE, WEST, AMINA, BRAM, Money.eur("20.00"), Purpose.GROCERIES,
                            MONDAY, CEES, NOW));
        }

        @Test
        void aCoordinatorMayAlwaysRecordForAMember() {
            fixtureOver(west()).givenNoPriorActivity()
                    .when(madeFor(AMINA, coord))
                    .expectEvents(new AdvanceMade(ADVANCE, WEST, AMINA, BRAM, Money.eur("20.00"), Purpose.GROCERIES,
                            MONDAY, coord, NOW));
        }

        @Test
        void aWithdrawnHelperIsRefused() {
            fixtureOver(west().helperNamed(AMINA, CEES).helperWithdrawn(AMINA, CEES)).givenNoPriorActivity()
                    .when(madeFor(AMINA, CEES))
                    .expectException(ActorNotAllowed.class).expectNoEvents();
        }

        @Test
        void aStrangerIsRefusedAlikeForAMemberAndForAnUnknownId() {
            fixtureOver(west()).givenNoPriorActivity().when(madeFor(AMINA, CEES))
                    .expectException(ActorNotAllowed.class).expectNoEvents();
            fixtureOver(west()).givenNoPriorActivity().when(madeFor(NOBODY, CEES))
                    .expectException(ActorNotAllowed.class).expectNoEvents();
        }

        @Test
        void helpingForOneNeighbourIsNoLicenceForAnother() {
            fixtureOver(west().helperNamed(AMINA, CEES)).givenNoPriorActivity()
                    .when(new MakeAdvance(ADVANCE, WEST, BRAM, AMINA, Money.eur("20.00"), Purpose.GROCERIES, MONDAY, CEES))
                    .expectException(ActorNotAllowed.class).expectNoEvents();
        }

        @Test
        void theRepresentedLenderMustBeACurrentMember() {
            fixtureOver(west()).givenNoPriorActivity().when(madeFor(DIRK, coord))
                    .expectException(UnknownMember.class).expectNoEvents();
        }

        @Test
        void consentEndsWhenTheHelperLeaves() {
            fixtureOver(west().helperNamed(AMINA, CEES).formerMembers(MemberId.of("erik"))).givenNoPriorActivity()
                    .when(madeFor(AMINA, MemberId.of("erik")))
                    .expectException(ActorNotAllowed.class).expectNoEvents();
        }
    }
}
