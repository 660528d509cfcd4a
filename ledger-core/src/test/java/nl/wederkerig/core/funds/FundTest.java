package nl.wederkerig.core.funds;

import nl.wederkerig.core.TestCommunity;
import nl.wederkerig.core.community.UnknownPartner;
import nl.wederkerig.core.claims.ClaimForPayment;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.OwnClaimApproval;
import nl.wederkerig.core.community.InitiativeKind;
import nl.wederkerig.core.community.InitiativeRegistered;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.RoleAssigned;
import nl.wederkerig.core.community.RoleRevoked;
import nl.wederkerig.core.corrections.AlreadyReversed;
import nl.wederkerig.core.corrections.NotReversible;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.shared.AmountNotPositive;
import nl.wederkerig.core.shared.AmountTooLarge;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.ReceiptMissing;
import nl.wederkerig.core.shared.ReceiptReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.MONDAY;
import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

class FundTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final PartnerId CARE = PartnerId.of("zorg-west");
    static final MemberId COORD = MemberId.of("coord");
    static final MemberId DEWI = MemberId.of("dewi");
    static final MemberId EVA = MemberId.of("eva");
    static final MemberId CEES = MemberId.of("cees");
    static final ClaimId CLAIM = ClaimId.of("claim-1");
    static final ReceiptReference BON = ReceiptReference.of("bon-17");
    static final CommandId T1 = CommandId.of("t-1");
    static final CommandId T2 = CommandId.of("t-2");
    static final CommandId C1 = CommandId.of("c-1");
    static final CommandId C2 = CommandId.of("c-2");
    static final CommandId C3 = CommandId.of("c-3");

    FixtureConfiguration<Fund> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Fund.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(TestCommunity.founded(WEST, COORD).members(DEWI, EVA, CEES)
                .initiatives(MEALS).partners(CARE).parties());
    }

    static FundOpened opened() {
        return new FundOpened(MEALS, WEST, MONDAY, COORD, NOW);
    }

    static TreasurerAppointed dewi() {
        return new TreasurerAppointed(MEALS, WEST, T1, DEWI, MONDAY, COORD, NOW);
    }

    static ContributionReceived received(CommandId id, String amount, Channel channel) {
        return new ContributionReceived(MEALS, WEST, id, Money.eur(amount), ContributionSource.DONATION, null, channel, TODAY, DEWI, NOW);
    }

    /** An open fund with Dewi as treasurer, 100 in the bank and 30 in the cash box. */
    static Object[] funded(Object... more) {
        List<Object> events = new ArrayList<>(List.of(opened(), dewi(),
                received(CommandId.of("in-bank"), "100.00", Channel.BANK), received(CommandId.of("in-cash"), "30.00", Channel.CASH_BOX)));
        events.addAll(List.of(more));
        return events.toArray();
    }

    @Nested
    class OpeningAndTreasurers {
        @Test
        void opensOnceAndRetriesChangeNothing() {
            fixture.givenNoPriorActivity().when(new OpenFund(MEALS, WEST, MONDAY, COORD)).expectEvents(opened());
            fixture.given(opened()).when(new OpenFund(MEALS, WEST, MONDAY, COORD)).expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(opened()).when(new OpenFund(MEALS, WEST, TODAY, COORD)).expectException(CommandIdReused.class).expectNoEvents();
        }

        @Test
        void appointsAndReleasesTreasurers() {
            fixture.given(opened()).when(new AppointTreasurer(MEALS, T1, DEWI, MONDAY, COORD)).expectEvents(dewi());
            fixture.given(opened(), dewi()).when(new ReleaseTreasurer(MEALS, T2, DEWI, TODAY, COORD))
                    .expectEvents(new TreasurerReleased(MEALS, WEST, T2, DEWI, TODAY, COORD, NOW));
        }

        /** Found by LedgerProperties: the community's role command ids may equal a client's fund entry id. */
        @Test
        void aRoleChangeWhoseCommunityIdEqualsAFundEntrysIdIsNotMistakenForIt() {
            CommandId shared = CommandId.of("c2");
            fixture.given(funded(received(shared, "5.00", Channel.BANK)))
                    .when(new ReleaseTreasurer(MEALS, shared, DEWI, TODAY, COORD))
                    .expectEvents(new TreasurerReleased(MEALS, WEST, shared, DEWI, TODAY, COORD, NOW));
            fixture.given(funded(new TreasurerReleased(MEALS, WEST, shared, DEWI, TODAY, COORD, NOW)))
                    .when(new RecordContribution(MEALS, shared, Money.eur("5.00"), ContributionSource.DONATION, null,
                            Channel.BANK, TODAY, DEWI))
                    .expectException(NotTreasurer.class).expectNoEvents();
        }

        @Test
        void rejectsAppointingTwiceAndReleasingANonTreasurer() {
            fixture.given(opened(), dewi()).when(new AppointTreasurer(MEALS, T2, DEWI, TODAY, COORD))
                    .expectException(TreasurerAlreadyAppointed.class).expectNoEvents();
            fixture.given(opened()).when(new ReleaseTreasurer(MEALS, T2, DEWI, TODAY, COORD))
                    .expectException(NotTreasurer.class).expectNoEvents();
        }

        @Test
        void followsTheCommunitysRoles() {
            assertThat(FundPolicy.commandFor(new InitiativeRegistered(WEST, C1, MEALS, InitiativeKind.SHARED_MEALS, MONDAY, COORD, NOW)))
                    .isEqualTo(new OpenFund(MEALS, WEST, MONDAY, COORD));
            assertThat(FundPolicy.commandFor(new RoleAssigned(WEST, T1, DEWI, Role.treasurerOf(MEALS), MONDAY, COORD, NOW)))
                    .contains(new AppointTreasurer(MEALS, T1, DEWI, MONDAY, COORD));
            assertThat(FundPolicy.commandFor(new RoleRevoked(WEST, T2, DEWI, Role.treasurerOf(MEALS), TODAY, COORD, NOW)))
                    .contains(new ReleaseTreasurer(MEALS, T2, DEWI, TODAY, COORD));
            assertThat(FundPolicy.commandFor(new RoleAssigned(WEST, T1, DEWI, Role.coordinator(), MONDAY, COORD, NOW))).isEmpty();
        }
    }

    @Nested
    class Contributions {
        @Test
        void treasurerRecordsAPartnerContribution() {
            fixture.given(opened(), dewi())
                    .when(new RecordContribution(MEALS, C1, Money.eur("500.00"), ContributionSource.PARTNER, CARE, Channel.BANK, TODAY, DEWI))
                    .expectEvents(new ContributionReceived(MEALS, WEST, C1, Money.eur("500.00"), ContributionSource.PARTNER, CARE, Channel.BANK, TODAY, DEWI, NOW));
        }

        @Test
        void partnerNamedOnlyForPartnerContributions() {
            fixture.given(opened(), dewi())
                    .when(new RecordContribution(MEALS, C1, Money.eur("5.00"), ContributionSource.PARTNER, null, Channel.BANK, TODAY, DEWI))
                    .expectException(PartnerMismatch.class).expectNoEvents();
            fixture.given(opened(), dewi())
                    .when(new RecordContribution(MEALS, C1, Money.eur("5.00"), ContributionSource.GRANT, CARE, Channel.BANK, TODAY, DEWI))
                    .expectException(PartnerMismatch.class).expectNoEvents();
        }

        @Test
        void aPartnerContributionNamesARegisteredPartner() {
            fixture.given(opened(), dewi())
                    .when(new RecordContribution(MEALS, C1, Money.eur("500.00"), ContributionSource.PARTNER,
                            PartnerId.of("ghost-fund"), Channel.BANK, TODAY, DEWI))
                    .expectException(UnknownPartner.class).expectNoEvents();
        }

        @Test
        void onlyATreasurer() {
            fixture.given(opened(), dewi())
                    .when(new RecordContribution(MEALS, C1, Money.eur("5.00"), ContributionSource.DONATION, null, Channel.CASH_BOX, TODAY, CEES))
                    .expectException(NotTreasurer.class).expectNoEvents();
        }

        @Test
        void rejectsZeroAndTooMuch() {
            fixture.given(opened(), dewi())
                    .when(new RecordContribution(MEALS, C1, Money.eur("0.00"), ContributionSource.DONATION, null, Channel.BANK, TODAY, DEWI))
                    .expectException(AmountNotPositive.class).expectNoEvents();
            fixture.given(opened(), dewi())
                    .when(new RecordContribution(MEALS, C1, Money.eur("100000.01"), ContributionSource.GRANT, null, Channel.BANK, TODAY, DEWI))
                    .expectException(AmountTooLarge.class).expectNoEvents();
        }

        @Test
        void retryAndMismatch() {
            fixture.given(funded(received(C1, "5.00", Channel.CASH_BOX)))
                    .when(new RecordContribution(MEALS, C1, Money.eur("5.00"), ContributionSource.DONATION, null, Channel.CASH_BOX, TODAY, DEWI))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(funded(received(C1, "5.00", Channel.CASH_BOX)))
                    .when(new RecordContribution(MEALS, C1, Money.eur("6.00"), ContributionSource.DONATION, null, Channel.CASH_BOX, TODAY, DEWI))
                    .expectException(CommandIdReused.class).expectNoEvents();
        }
    }

    @Nested
    class Expenses {
        @Test
        void paysFromTheCashBox() {
            fixture.given(funded())
                    .when(new RecordExpense(MEALS, C1, Money.eur("30.00"), ExpenseCategory.FOOD, BON, Channel.CASH_BOX, TODAY, DEWI))
                    .expectEvents(new ExpensePaid(MEALS, WEST, C1, Money.eur("30.00"), ExpenseCategory.FOOD, BON, Channel.CASH_BOX, TODAY, DEWI, NOW));
        }

        @Test
        void theCashBoxNeverGoesNegative() {
            fixture.given(funded())
                    .when(new RecordExpense(MEALS, C1, Money.eur("30.01"), ExpenseCategory.FOOD, BON, Channel.CASH_BOX, TODAY, DEWI))
                    .expectException(CashBoxNegative.class).expectNoEvents();
        }

        @Test
        void theBankHasNoOverdraft() {
            fixture.given(funded())
                    .when(new RecordExpense(MEALS, C1, Money.eur("100.01"), ExpenseCategory.RENT, BON, Channel.BANK, TODAY, DEWI))
                    .expectException(FundInsufficient.class).expectNoEvents();
        }

        @Test
        void needsAReceiptAndATreasurer() {
            fixture.given(funded())
                    .when(new RecordExpense(MEALS, C1, Money.eur("1.00"), ExpenseCategory.FOOD, null, Channel.BANK, TODAY, DEWI))
                    .expectException(ReceiptMissing.class).expectNoEvents();
            fixture.given(funded())
                    .when(new RecordExpense(MEALS, C1, Money.eur("1.00"), ExpenseCategory.FOOD, BON, Channel.BANK, TODAY, CEES))
                    .expectException(NotTreasurer.class).expectNoEvents();
        }

        @Test
        void aReleasedTreasurerNoLongerRecords() {
            fixture.given(funded(new TreasurerReleased(MEALS, WEST, T2, DEWI, TODAY, COORD, NOW)))
                    .when(new RecordExpense(MEALS, C1, Money.eur("1.00"), ExpenseCategory.FOOD, BON, Channel.BANK, TODAY, DEWI))
                    .expectException(NotTreasurer.class).expectNoEvents();
        }
    }

    @Nested
    class Transfers {
        @Test
        void withdrawsCashFromTheBank() {
            fixture.given(funded()).when(new TransferFunds(MEALS, C1, Money.eur("100.00"), Channel.BANK, Channel.CASH_BOX, TODAY, DEWI))
                    .expectEvents(new FundTransferred(MEALS, WEST, C1, Money.eur("100.00"), Channel.BANK, Channel.CASH_BOX, TODAY, DEWI, NOW));
        }

        @Test
        void cannotDepositMoreCashThanThereIs() {
            fixture.given(funded()).when(new TransferFunds(MEALS, C1, Money.eur("30.01"), Channel.CASH_BOX, Channel.BANK, TODAY, DEWI))
                    .expectException(CashBoxNegative.class).expectNoEvents();
        }

        @Test
        void needsTwoChannels() {
            fixture.given(funded()).when(new TransferFunds(MEALS, C1, Money.eur("1.00"), Channel.BANK, Channel.BANK, TODAY, DEWI))
                    .expectException(SameChannel.class).expectNoEvents();
        }
    }

    @Nested
    class PayingClaims {
        final TreasurerAppointed eva = new TreasurerAppointed(MEALS, WEST, T2, EVA, MONDAY, COORD, NOW);

        PayClaim pay(String amount, MemberId claimant, MemberId approvedBy, Channel channel) {
            return new PayClaim(MEALS, C1, CLAIM, claimant, Money.eur(amount), approvedBy, channel, TODAY, DEWI);
        }

        ClaimPaid paid(String amount, Channel channel) {
            return new ClaimPaid(MEALS, WEST, C1, CLAIM, CEES, EVA, Money.eur(amount), channel, TODAY, DEWI, NOW);
        }

        @Test
        void paysAnApprovedClaim() {
            fixture.given(funded(eva)).when(pay("23.45", CEES, EVA, Channel.BANK)).expectEvents(paid("23.45", Channel.BANK));
        }

        @Test
        void theFundMustCoverIt() {
            fixture.given(funded(eva)).when(pay("30.01", CEES, EVA, Channel.CASH_BOX))
                    .expectException(FundInsufficient.class).expectNoEvents();
        }

        @Test
        void fourEyesAgainWhereMoneyMoves() {
            fixture.given(funded(eva)).when(pay("10.00", EVA, EVA, Channel.BANK))
                    .expectException(OwnClaimApproval.class).expectNoEvents();
            fixture.given(funded(eva)).when(pay("10.00", EVA, CEES, Channel.BANK))
                    .expectException(NotTreasurer.class).expectNoEvents();
        }

        @Test
        void aTreasurerMayBePaidForTheirOwnClaimApprovedByAnother() {
            fixture.given(funded(eva)).when(pay("10.00", DEWI, EVA, Channel.BANK))
                    .expectEvents(new ClaimPaid(MEALS, WEST, C1, CLAIM, DEWI, EVA, Money.eur("10.00"), Channel.BANK, TODAY, DEWI, NOW));
        }

        @Test
        void paysOnceAndRetriesChangeNothing() {
            fixture.given(funded(eva, paid("10.00", Channel.BANK)))
                    .when(new PayClaim(MEALS, C2, CLAIM, CEES, Money.eur("10.00"), EVA, Channel.BANK, TODAY, DEWI))
                    .expectException(ClaimAlreadyPaid.class).expectNoEvents();
            fixture.given(funded(eva, paid("10.00", Channel.BANK))).when(pay("10.00", CEES, EVA, Channel.BANK))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void theOrderCarriesTheClaimsState() {
            ClaimForPayment claim = new ClaimForPayment(CLAIM, WEST, MEALS, CEES, Money.eur("23.45"), EVA);
            assertThat(ClaimPayments.orderFor(claim, new PayApprovedClaim(CLAIM, C1, Channel.BANK, TODAY, DEWI)))
                    .isEqualTo(pay("23.45", CEES, EVA, Channel.BANK));
        }
    }

    @Nested
    class Reversing {
        final ExpensePaid spent = new ExpensePaid(MEALS, WEST, C1, Money.eur("20.00"), ExpenseCategory.FOOD, BON, Channel.CASH_BOX, TODAY, DEWI, NOW);

        @Test
        void reversesAnExpenseCarryingTheOriginal() {
            fixture.given(funded(spent)).when(new ReverseFundEntry(MEALS, C2, C1, ReversalReason.WRONG_AMOUNT, TODAY, DEWI))
                    .expectEvents(new FundEntryReversed(MEALS, WEST, C2, spent, ReversalReason.WRONG_AMOUNT, TODAY, DEWI, NOW));
        }

        @Test
        void reversesOnlyOnce() {
            fixture.given(funded(spent, new FundEntryReversed(MEALS, WEST, C2, spent, ReversalReason.WRONG_AMOUNT, TODAY, DEWI, NOW)))
                    .when(new ReverseFundEntry(MEALS, C3, C1, ReversalReason.DUPLICATE, TODAY, DEWI))
                    .expectException(AlreadyReversed.class).expectNoEvents();
        }

        @Test
        void aReversalIsNotItselfReversed() {
            fixture.given(funded(spent, new FundEntryReversed(MEALS, WEST, C2, spent, ReversalReason.WRONG_AMOUNT, TODAY, DEWI, NOW)))
                    .when(new ReverseFundEntry(MEALS, C3, C2, ReversalReason.DUPLICATE, TODAY, DEWI))
                    .expectException(NotReversible.class).expectNoEvents();
        }

        @Test
        void rejectsAnUnknownEntry() {
            fixture.given(funded()).when(new ReverseFundEntry(MEALS, C2, CommandId.of("nope"), ReversalReason.OTHER, TODAY, DEWI))
                    .expectException(NotReversible.class).expectNoEvents();
        }

        @Test
        void reversingACashContributionThatWasSpentWouldEmptyTheCashBoxBelowZero() {
            fixture.given(funded(spent)).when(new ReverseFundEntry(MEALS, C2, CommandId.of("in-cash"), ReversalReason.DUPLICATE, TODAY, DEWI))
                    .expectException(CashBoxNegative.class).expectNoEvents();
        }

        @Test
        void aReversedClaimPaymentMayBePaidAgain() {
            TreasurerAppointed eva = new TreasurerAppointed(MEALS, WEST, T2, EVA, MONDAY, COORD, NOW);
            ClaimPaid paid = new ClaimPaid(MEALS, WEST, C1, CLAIM, CEES, EVA, Money.eur("10.00"), Channel.CASH_BOX, TODAY, DEWI, NOW);
            fixture.given(funded(eva, paid, new FundEntryReversed(MEALS, WEST, C2, paid, ReversalReason.WRONG_CHANNEL_OR_CATEGORY, TODAY, DEWI, NOW)))
                    .when(new PayClaim(MEALS, C3, CLAIM, CEES, Money.eur("10.00"), EVA, Channel.BANK, TODAY, DEWI))
                    .expectEvents(new ClaimPaid(MEALS, WEST, C3, CLAIM, CEES, EVA, Money.eur("10.00"), Channel.BANK, TODAY, DEWI, NOW));
        }

        @Test
        void onlyATreasurerReverses() {
            fixture.given(funded(spent)).when(new ReverseFundEntry(MEALS, C2, C1, ReversalReason.OTHER, TODAY, CEES))
                    .expectException(NotTreasurer.class).expectNoEvents();
        }
    }
}
