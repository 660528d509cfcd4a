package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.AmountTooLarge;
import nl.wederkerig.core.shared.BusinessDateOutOfRange;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.SealedText;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.MONDAY;
import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;

class CommunityTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final MemberId COORD = MemberId.of("coord");
    static final MemberId AMINA = MemberId.of("amina");
    static final MemberId BRAM = MemberId.of("bram");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final PartnerId CARE = PartnerId.of("zorg-west");
    static final CommandId C1 = CommandId.of("c-1");
    static final CommandId C2 = CommandId.of("c-2");
    static final CommandId C3 = CommandId.of("c-3");

    FixtureConfiguration<Community> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Community.class);
        fixture.registerInjectableResource(CLOCK);
    }

    static CommunityFounded founded() {
        return new CommunityFounded(WEST, COORD, MONDAY, COORD, NOW);
    }

    static MemberRegistered amina() {
        return new MemberRegistered(WEST, C1, AMINA, TODAY, COORD, NOW);
    }

    @Nested
    class Founding {
        @Test
        void founderBecomesFirstCoordinator() {
            fixture.givenNoPriorActivity().when(new FoundCommunity(WEST, MONDAY, COORD))
                    .expectEvents(founded());
        }

        @Test
        void repeatChangesNothing() {
            fixture.given(founded()).when(new FoundCommunity(WEST, MONDAY, COORD))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void sameIdOtherPayloadIsRejected() {
            fixture.given(founded()).when(new FoundCommunity(WEST, MONDAY, AMINA))
                    .expectException(CommandIdReused.class).expectNoEvents();
        }

        @Test
        void rejectsFutureDate() {
            fixture.givenNoPriorActivity().when(new FoundCommunity(WEST, TODAY.plusDays(1), COORD))
                    .expectException(BusinessDateOutOfRange.class).expectNoEvents();
        }

        @Test
        void aNamedFoundingRecordsTheName() {
            CommunityName name = CommunityName.of("Rotterdam West");
            fixture.givenNoPriorActivity().when(new FoundCommunity(WEST, name, COORD, MONDAY, COORD))
                    .expectEvents(founded(), new CommunityNamed(WEST, name, MONDAY, COORD, NOW));
        }

        @Test
        void aRetryOfANamedFoundingChangesNothingButAnotherNameIsRejected() {
            CommunityName name = CommunityName.of("Rotterdam West");
            fixture.given(founded(), new CommunityNamed(WEST, name, MONDAY, COORD, NOW))
                    .when(new FoundCommunity(WEST, name, COORD, MONDAY, COORD))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(founded(), new CommunityNamed(WEST, name, MONDAY, COORD, NOW))
                    .when(new FoundCommunity(WEST, CommunityName.of("Delfshaven"), COORD, MONDAY, COORD))
                    .expectException(CommandIdReused.class).expectNoEvents();
        }

        @Test
        void anAdministratorFoundsACommunityForItsFirstCoordinator() {
            MemberId admin = MemberId.of("admin");
            fixture.givenNoPriorActivity().when(new FoundCommunity(WEST, null, COORD, MONDAY, admin))
                    .expectEvents(new CommunityFounded(WEST, COORD, MONDAY, admin, NOW));
            // The founder, not the administrator, administers it from then on.
            fixture.given(new CommunityFounded(WEST, COORD, MONDAY, admin, NOW))
                    .when(new RegisterMember(WEST, C1, AMINA, TODAY, admin))
                    .expectException(CoordinatorOnly.class).expectNoEvents();
        }

        @Test
        void aNameIsPlainPrintableText() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommunityName.of("  "))
                    .isInstanceOf(IllegalArgumentException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommunityName.of("West\u202Etsew"))
                    .isInstanceOf(IllegalArgumentException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommunityName.of("x".repeat(CommunityName.MAX_CHARS + 1)))
                    .isInstanceOf(IllegalArgumentException.class);
            org.assertj.core.api.Assertions.assertThat(CommunityName.of("  Spangen ").value()).isEqualTo("Spangen");
        }
    }

    @Nested
    class Registering {
        @Test
        void coordinatorRegistersAMember() {
            fixture.given(founded()).when(new RegisterMember(WEST, C1, AMINA, TODAY, COORD))
                    .expectEvents(amina());
        }

        @Test
        void repeatChangesNothingAndMismatchIsRejected() {
            fixture.given(founded(), amina()).when(new RegisterMember(WEST, C1, AMINA, TODAY, COORD))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(founded(), amina()).when(new RegisterMember(WEST, C1, BRAM, TODAY, COORD))
                    .expectException(CommandIdReused.class).expectNoEvents();
        }

        @Test
        void onlyACoordinatorRegisters() {
            fixture.given(founded(), amina()).when(new RegisterMember(WEST, C2, BRAM, TODAY, AMINA))
                    .expectException(CoordinatorOnly.class).expectNoEvents();
        }

        @Test
        void rejectsRegisteringTwice() {
            fixture.given(founded(), amina()).when(new RegisterMember(WEST, C2, AMINA, TODAY, COORD))
                    .expectException(AlreadyRegistered.class).expectNoEvents();
        }

        @Test
        void registersInitiativeAndPartner() {
            fixture.given(founded())
                    .when(new RegisterInitiative(WEST, C1, MEALS, InitiativeKind.SHARED_MEALS, TODAY, COORD))
                    .expectEvents(new InitiativeRegistered(WEST, C1, MEALS, InitiativeKind.SHARED_MEALS, TODAY, COORD, NOW));
            fixture.given(founded())
                    .when(new RegisterPartner(WEST, C1, CARE, PartnerKind.CARE_ORGANISATION, TODAY, COORD))
                    .expectEvents(new PartnerRegistered(WEST, C1, CARE, PartnerKind.CARE_ORGANISATION, TODAY, COORD, NOW));
        }

        @Test
        void rejectsDuplicateInitiativeAndPartnerAndNonCoordinator() {
            fixture.given(founded(), new InitiativeRegistered(WEST, C1, MEALS, InitiativeKind.SHARED_MEALS, TODAY, COORD, NOW))
                    .when(new RegisterInitiative(WEST, C2, MEALS, InitiativeKind.OTHER, TODAY, COORD))
                    .expectException(AlreadyRegistered.class).expectNoEvents();
            fixture.given(founded(), new PartnerRegistered(WEST, C1, CARE, PartnerKind.FUND, TODAY, COORD, NOW))
                    .when(new RegisterPartner(WEST, C2, CARE, PartnerKind.FUND, TODAY, COORD))
                    .expectException(AlreadyRegistered.class).expectNoEvents();
            fixture.given(founded(), amina())
                    .when(new RegisterPartner(WEST, C2, CARE, PartnerKind.FUND, TODAY, AMINA))
                    .expectException(CoordinatorOnly.class).expectNoEvents();
        }
    }

    @Nested
    class Roles {
        final InitiativeRegistered meals = new InitiativeRegistered(WEST, C2, MEALS, InitiativeKind.SHARED_MEALS, TODAY, COORD, NOW);

        @Test
        void assignsTreasurerOfARegisteredInitiative() {
            fixture.given(founded(), amina(), meals)
                    .when(new AssignRole(WEST, C3, AMINA, Role.treasurerOf(MEALS), TODAY, COORD))
                    .expectEvents(new RoleAssigned(WEST, C3, AMINA, Role.treasurerOf(MEALS), TODAY, COORD, NOW));
        }

        @Test
        void rejectsTreasurerOfAnUnknownInitiative() {
            fixture.given(founded(), amina())
                    .when(new AssignRole(WEST, C3, AMINA, Role.treasurerOf(MEALS), TODAY, COORD))
                    .expectException(UnknownInitiative.class).expectNoEvents();
        }

        @Test
        void assignsTheKascommissieOfARegisteredInitiativeOnly() {
            fixture.given(founded(), amina(), meals)
                    .when(new AssignRole(WEST, C3, AMINA, Role.auditorOf(MEALS), TODAY, COORD))
                    .expectEvents(new RoleAssigned(WEST, C3, AMINA, Role.auditorOf(MEALS), TODAY, COORD, NOW));
            fixture.given(founded(), amina())
                    .when(new AssignRole(WEST, C3, AMINA, Role.auditorOf(MEALS), TODAY, COORD))
                    .expectException(UnknownInitiative.class).expectNoEvents();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Role(RoleKind.AUDITOR, null, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejectsRepresentativeOfAnUnknownPartner() {
            fixture.given(founded(), amina())
                    .when(new AssignRole(WEST, C3, AMINA, Role.representativeOf(CARE), TODAY, COORD))
                    .expectException(UnknownPartner.class).expectNoEvents();
        }

        @Test
        void rejectsARoleForAnUnknownMember() {
            fixture.given(founded())
                    .when(new AssignRole(WEST, C3, BRAM, Role.coordinator(), TODAY, COORD))
                    .expectException(UnknownMember.class).expectNoEvents();
        }

        @Test
        void rejectsARoleAlreadyHeld() {
            fixture.given(founded(), amina())
                    .when(new AssignRole(WEST, C3, AMINA, Role.neighbour(), TODAY, COORD))
                    .expectException(RoleAlreadyHeld.class).expectNoEvents();
        }

        @Test
        void onlyACoordinatorAssigns() {
            fixture.given(founded(), amina())
                    .when(new AssignRole(WEST, C3, AMINA, Role.coordinator(), TODAY, AMINA))
                    .expectException(CoordinatorOnly.class).expectNoEvents();
        }

        @Test
        void aNewCoordinatorAdministers() {
            fixture.given(founded(), amina(), new RoleAssigned(WEST, C2, AMINA, Role.coordinator(), TODAY, COORD, NOW))
                    .when(new RegisterMember(WEST, C3, BRAM, TODAY, AMINA))
                    .expectEvents(new MemberRegistered(WEST, C3, BRAM, TODAY, AMINA, NOW));
        }

        @Test
        void revokesARole() {
            fixture.given(founded(), amina(), meals, new RoleAssigned(WEST, C3, AMINA, Role.treasurerOf(MEALS), TODAY, COORD, NOW))
                    .when(new RevokeRole(WEST, CommandId.of("c-4"), AMINA, Role.treasurerOf(MEALS), TODAY, COORD))
                    .expectEvents(new RoleRevoked(WEST, CommandId.of("c-4"), AMINA, Role.treasurerOf(MEALS), TODAY, COORD, NOW));
        }

        @Test
        void rejectsRevokingARoleNotHeld() {
            fixture.given(founded(), amina())
                    .when(new RevokeRole(WEST, C3, AMINA, Role.coordinator(), TODAY, COORD))
                    .expectException(RoleNotHeld.class).expectNoEvents();
        }

        @Test
        void keepsTheLastCoordinator() {
            fixture.given(founded())
                    .when(new RevokeRole(WEST, C3, COORD, Role.coordinator(), TODAY, COORD))
                    .expectException(LastCoordinator.class).expectNoEvents();
        }

        @Test
        void aRevokedCoordinatorNoLongerAdministers() {
            fixture.given(founded(), amina(), new RoleAssigned(WEST, C2, AMINA, Role.coordinator(), TODAY, COORD, NOW),
                            new RoleRevoked(WEST, C3, COORD, Role.coordinator(), TODAY, AMINA, NOW))
                    .when(new RegisterMember(WEST, CommandId.of("c-4"), BRAM, TODAY, COORD))
                    .expectException(CoordinatorOnly.class).expectNoEvents();
        }
    }

    @Nested
    class Settings {
        final AdvanceLimit threeOrHundred = new AdvanceLimit(3, Money.eur("100.00"));

        @Test
        void setsTheAdvanceLimit() {
            fixture.given(founded()).when(new SetAdvanceLimit(WEST, C1, threeOrHundred, TODAY, COORD))
                    .expectEvents(new AdvanceLimitSet(WEST, C1, threeOrHundred, TODAY, COORD, NOW));
        }

        @Test
        void onlyACoordinatorSetsTheAdvanceLimit() {
            fixture.given(founded(), amina()).when(new SetAdvanceLimit(WEST, C2, threeOrHundred, TODAY, AMINA))
                    .expectException(CoordinatorOnly.class).expectNoEvents();
        }

        @Test
        void setsTheHourValuationFromToday() {
            fixture.given(founded()).when(new SetHourValuation(WEST, C1, Money.eur("15.00"), TODAY, HourValuationMethod.FIXED_AGREED, TODAY, COORD))
                    .expectEvents(new HourValuationSet(WEST, C1, Money.eur("15.00"), TODAY, HourValuationMethod.FIXED_AGREED, TODAY, COORD, NOW));
        }

        /** Each of the four methods is recorded as named; a valuation that names none is refused, nothing stored. */
        @Test
        void aValuationNamesItsMethod() {
            for (HourValuationMethod method : List.of(HourValuationMethod.REPLACEMENT_VALUE, HourValuationMethod.MARKET_VALUE,
                    HourValuationMethod.OPPORTUNITY_COST)) {
                fixture.given(founded()).when(new SetHourValuation(WEST, C1, Money.eur("15.00"), TODAY, method, TODAY, COORD))
                        .expectEvents(new HourValuationSet(WEST, C1, Money.eur("15.00"), TODAY, method, TODAY, COORD, NOW));
            }
            fixture.given(founded()).when(new SetHourValuation(WEST, C1, Money.eur("15.00"), TODAY,
                    HourValuationMethod.UNSPECIFIED, TODAY, COORD)).expectException(IllegalArgumentException.class).expectNoEvents();
            fixture.given(founded()).when(new SetHourValuation(WEST, C1, Money.eur("15.00"), TODAY, null, TODAY, COORD))
                    .expectException(IllegalArgumentException.class).expectNoEvents();
        }

        @Test
        void rejectsABackdatedValuation() {
            fixture.given(founded()).when(new SetHourValuation(WEST, C1, Money.eur("15.00"), TODAY.minusDays(1), HourValuationMethod.FIXED_AGREED, TODAY, COORD))
                    .expectException(ValuationBackdated.class).expectNoEvents();
        }

        @Test
        void rejectsAValuationNotAfterTheLatest() {
            fixture.given(founded(), new HourValuationSet(WEST, C1, Money.eur("15.00"), TODAY.plusDays(10), HourValuationMethod.FIXED_AGREED, TODAY, COORD, NOW))
                    .when(new SetHourValuation(WEST, C2, Money.eur("16.00"), TODAY.plusDays(10), HourValuationMethod.FIXED_AGREED, TODAY, COORD))
                    .expectException(ValuationBackdated.class).expectNoEvents();
        }

        @Test
        void rejectsAnImplausibleValuationAndNonCoordinator() {
            fixture.given(founded()).when(new SetHourValuation(WEST, C1, Money.eur("200.01"), TODAY, HourValuationMethod.FIXED_AGREED, TODAY, COORD))
                    .expectException(AmountTooLarge.class).expectNoEvents();
            fixture.given(founded(), amina()).when(new SetHourValuation(WEST, C2, Money.eur("15.00"), TODAY, HourValuationMethod.FIXED_AGREED, TODAY, AMINA))
                    .expectException(CoordinatorOnly.class).expectNoEvents();
        }
    }

    @Nested
    class NamingHelpers {
        final MemberRegistered bram = new MemberRegistered(WEST, C2, BRAM, TODAY, COORD, NOW);
        final HelperNamed named = new HelperNamed(WEST, C3, BRAM, TODAY, AMINA, NOW);

        @Test
        void aNeighbourNamesAHelperAndARepeatChangesNothing() {
            fixture.given(founded(), amina(), bram).when(new NameHelper(WEST, C3, BRAM, TODAY, AMINA))
                    .expectEvents(named);
            fixture.given(founded(), amina(), bram, named).when(new NameHelper(WEST, C3, BRAM, TODAY, AMINA))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void rejectsNamingTwiceOneselfOrAStranger() {
            fixture.given(founded(), amina(), bram, named).when(new NameHelper(WEST, CommandId.of("c-4"), BRAM, TODAY, AMINA))
                    .expectException(AlreadyHelper.class).expectNoEvents();
            fixture.given(founded(), amina()).when(new NameHelper(WEST, C3, AMINA, TODAY, AMINA))
                    .expectException(SelfHelper.class).expectNoEvents();
            fixture.given(founded(), amina()).when(new NameHelper(WEST, C3, BRAM, TODAY, AMINA))
                    .expectException(UnknownMember.class).expectNoEvents();
        }

        @Test
        void withdrawsOnlyANamedHelper() {
            fixture.given(founded(), amina(), bram, named).when(new WithdrawHelper(WEST, CommandId.of("c-4"), BRAM, TODAY, AMINA))
                    .expectEvents(new HelperWithdrawn(WEST, CommandId.of("c-4"), BRAM, TODAY, AMINA, NOW));
            fixture.given(founded(), amina(), bram).when(new WithdrawHelper(WEST, CommandId.of("c-4"), BRAM, TODAY, AMINA))
                    .expectException(NotAHelper.class).expectNoEvents();
            // Only the represented neighbour withdraws their own consent: Bram named nobody.
            fixture.given(founded(), amina(), bram, named).when(new WithdrawHelper(WEST, CommandId.of("c-4"), AMINA, TODAY, BRAM))
                    .expectException(NotAHelper.class).expectNoEvents();
        }
    }

    @Nested
    class SharingTrustHistory {
        final MemberRegistered bram = new MemberRegistered(WEST, C2, BRAM, TODAY, COORD, NOW);
        final TrustHistoryShared shared = new TrustHistoryShared(WEST, C3, BRAM, TODAY, AMINA, NOW);

        @Test
        void aNeighbourSharesTheirHistoryWithAnother() {
            fixture.given(founded(), amina(), bram).when(new ShareTrustHistory(WEST, C3, BRAM, TODAY, AMINA))
                    .expectEvents(shared);
        }

        @Test
        void repeatChangesNothingAndMismatchIsRejected() {
            fixture.given(founded(), amina(), bram, shared).when(new ShareTrustHistory(WEST, C3, BRAM, TODAY, AMINA))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(founded(), amina(), bram, shared).when(new ShareTrustHistory(WEST, C3, COORD, TODAY, AMINA))
                    .expectException(CommandIdReused.class).expectNoEvents();
        }

        @Test
        void rejectsSharingTwiceWithOneselfOrWithAStranger() {
            fixture.given(founded(), amina(), bram, shared)
                    .when(new ShareTrustHistory(WEST, CommandId.of("c-4"), BRAM, TODAY, AMINA))
                    .expectException(AlreadyShared.class).expectNoEvents();
            fixture.given(founded(), amina()).when(new ShareTrustHistory(WEST, C3, AMINA, TODAY, AMINA))
                    .expectException(SelfSharing.class).expectNoEvents();
            fixture.given(founded(), amina()).when(new ShareTrustHistory(WEST, C3, BRAM, TODAY, AMINA))
                    .expectException(UnknownMember.class).expectNoEvents();
            fixture.given(founded(), bram).when(new ShareTrustHistory(WEST, C3, BRAM, TODAY, AMINA))
                    .expectException(UnknownMember.class).expectNoEvents();
        }

        @Test
        void withdrawsConsentOnlyWhereGiven() {
            fixture.given(founded(), amina(), bram, shared)
                    .when(new StopSharingTrustHistory(WEST, CommandId.of("c-4"), BRAM, TODAY, AMINA))
                    .expectEvents(new TrustHistorySharingStopped(WEST, CommandId.of("c-4"), BRAM, TODAY, AMINA, NOW));
            // Bram never shared his own history with Amina: Amina's consent to Bram is hers alone.
            fixture.given(founded(), amina(), bram, shared)
                    .when(new StopSharingTrustHistory(WEST, CommandId.of("c-4"), AMINA, TODAY, BRAM))
                    .expectException(NotShared.class).expectNoEvents();
            fixture.given(founded(), amina(), bram, shared,
                            new TrustHistorySharingStopped(WEST, CommandId.of("c-4"), BRAM, TODAY, AMINA, NOW))
                    .when(new StopSharingTrustHistory(WEST, CommandId.of("c-5"), BRAM, TODAY, AMINA))
                    .expectException(NotShared.class).expectNoEvents();
        }

        @Test
        void withdrawingFromAStrangerIsAnsweredAsFromAMemberNeverSharedWith() {
            // Otherwise "unknown-member" versus "not-shared" would tell which ids are members.
            fixture.given(founded(), amina(), bram)
                    .when(new StopSharingTrustHistory(WEST, CommandId.of("c-4"), MemberId.of("nobody-here"), TODAY, AMINA))
                    .expectException(NotShared.class).expectNoEvents();
            fixture.given(founded(), amina(), bram)
                    .when(new StopSharingTrustHistory(WEST, CommandId.of("c-4"), BRAM, TODAY, AMINA))
                    .expectException(NotShared.class).expectNoEvents();
        }

        @Test
        void sharesAgainAfterWithdrawing() {
            fixture.given(founded(), amina(), bram, shared,
                            new TrustHistorySharingStopped(WEST, CommandId.of("c-4"), BRAM, TODAY, AMINA, NOW))
                    .when(new ShareTrustHistory(WEST, CommandId.of("c-5"), BRAM, TODAY, AMINA))
                    .expectEvents(new TrustHistoryShared(WEST, CommandId.of("c-5"), BRAM, TODAY, AMINA, NOW));
        }

        @Test
        void rejectsAFutureDate() {
            fixture.given(founded(), amina(), bram).when(new ShareTrustHistory(WEST, C3, BRAM, TODAY.plusDays(1), AMINA))
                    .expectException(BusinessDateOutOfRange.class).expectNoEvents();
        }
    }

    @Nested
    class Deregistering {
        final CommandId c4 = CommandId.of("c-4");
        final InitiativeRegistered meals = new InitiativeRegistered(WEST, C2, MEALS, InitiativeKind.SHARED_MEALS, TODAY, COORD, NOW);
        final MemberRegistered bram = new MemberRegistered(WEST, CommandId.of("c-b"), BRAM, TODAY, COORD, NOW);
        final MemberDeregistered aminaLeft = new MemberDeregistered(WEST, c4, AMINA, List.of(Role.neighbour()), TODAY, COORD, NOW);

        @Test
        void aCoordinatorRecordsThatAMemberLeftWithEveryRoleTheyHeld() {
            fixture.given(founded(), amina(), meals, new RoleAssigned(WEST, C3, AMINA, Role.treasurerOf(MEALS), TODAY, COORD, NOW))
                    .when(new DeregisterMember(WEST, c4, AMINA, TODAY, COORD))
                    .expectEvents(new MemberDeregistered(WEST, c4, AMINA, List.of(Role.neighbour(), Role.treasurerOf(MEALS)),
                            TODAY, COORD, NOW));
        }

        @Test
        void repeatChangesNothingAndMismatchIsRejected() {
            fixture.given(founded(), amina(), aminaLeft).when(new DeregisterMember(WEST, c4, AMINA, TODAY, COORD))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(founded(), amina(), bram, aminaLeft).when(new DeregisterMember(WEST, c4, BRAM, TODAY, COORD))
                    .expectException(CommandIdReused.class).expectNoEvents();
        }

        @Test
        void onlyACoordinatorAndOnlyACurrentMember() {
            fixture.given(founded(), amina(), bram).when(new DeregisterMember(WEST, c4, AMINA, TODAY, BRAM))
                    .expectException(CoordinatorOnly.class).expectNoEvents();
            fixture.given(founded()).when(new DeregisterMember(WEST, c4, AMINA, TODAY, COORD))
                    .expectException(UnknownMember.class).expectNoEvents();
            fixture.given(founded(), amina(), aminaLeft).when(new DeregisterMember(WEST, C3, AMINA, TODAY, COORD))
                    .expectException(UnknownMember.class).expectNoEvents();
        }

        @Test
        void theLastCoordinatorCannotLeave() {
            fixture.given(founded()).when(new DeregisterMember(WEST, c4, COORD, TODAY, COORD))
                    .expectException(LastCoordinator.class).expectNoEvents();
        }

        @Test
        void aCoordinatorMayLeaveWhileAnotherRemains() {
            fixture.given(founded(), amina(), new RoleAssigned(WEST, C2, AMINA, Role.coordinator(), TODAY, COORD, NOW))
                    .when(new DeregisterMember(WEST, c4, COORD, TODAY, COORD))
                    .expectEvents(new MemberDeregistered(WEST, c4, COORD, List.of(Role.neighbour(), Role.coordinator()),
                            TODAY, COORD, NOW));
        }

        @Test
        void aMemberWhoLeftHoldsNoRoleAndIsNamedInNoNewRole() {
            fixture.given(founded(), amina(), aminaLeft)
                    .when(new AssignRole(WEST, C3, AMINA, Role.coordinator(), TODAY, COORD))
                    .expectException(UnknownMember.class).expectNoEvents();
            fixture.given(founded(), amina(), aminaLeft)
                    .when(new RevokeRole(WEST, C3, AMINA, Role.neighbour(), TODAY, COORD))
                    .expectException(UnknownMember.class).expectNoEvents();
        }

        @Test
        void theirIdStaysTakenSoNobodyElseIsRegisteredUnderIt() {
            fixture.given(founded(), amina(), aminaLeft)
                    .when(new RegisterMember(WEST, C3, AMINA, TODAY, COORD))
                    .expectException(AlreadyRegistered.class).expectNoEvents();
        }

        @Test
        void consentsGivenByThemOrToThemEndAndNoNewOneNamesThem() {
            TrustHistoryShared aminaToBram = new TrustHistoryShared(WEST, C3, BRAM, TODAY, AMINA, NOW);
            TrustHistoryShared bramToAmina = new TrustHistoryShared(WEST, CommandId.of("c-5"), AMINA, TODAY, BRAM, NOW);
            fixture.given(founded(), amina(), bram, aminaToBram, bramToAmina, aminaLeft)
                    .when(new StopSharingTrustHistory(WEST, CommandId.of("c-6"), AMINA, TODAY, BRAM))
                    .expectException(NotShared.class).expectNoEvents();
            fixture.given(founded(), amina(), bram, aminaLeft)
                    .when(new ShareTrustHistory(WEST, CommandId.of("c-6"), AMINA, TODAY, BRAM))
                    .expectException(UnknownMember.class).expectNoEvents();
        }

        @Test
        void aCoordinatorWhoLeftNoLongerAdministers() {
            fixture.given(founded(), amina(), new RoleAssigned(WEST, C2, AMINA, Role.coordinator(), TODAY, COORD, NOW),
                            new MemberDeregistered(WEST, c4, COORD, List.of(Role.neighbour(), Role.coordinator()), TODAY, AMINA, NOW))
                    .when(new RegisterMember(WEST, CommandId.of("c-7"), BRAM, TODAY, COORD))
                    .expectException(CoordinatorOnly.class).expectNoEvents();
        }
    }

    @Nested
    class PayoutDetails {

        final SealedText iban = new SealedText("amina", "AAECAw==");
        final SealedText holder = new SealedText("amina", "BAUGBw==");
        final SealedText link = new SealedText("amina", "CAkKCw==");
        final PayoutDetailsRecorded recorded = new PayoutDetailsRecorded(WEST, C2, iban, holder, link, TODAY, AMINA, NOW);

        @Test
        void aMemberRecordsTheirOwnSealedDetails() {
            fixture.given(founded(), amina())
                    .when(new RecordPayoutDetails(WEST, C2, iban, holder, link, TODAY, AMINA))
                    .expectEvents(recorded);
        }

        @Test
        void theLinkIsOptional() {
            fixture.given(founded(), amina())
                    .when(new RecordPayoutDetails(WEST, C2, iban, holder, null, TODAY, AMINA))
                    .expectEvents(new PayoutDetailsRecorded(WEST, C2, iban, holder, null, TODAY, AMINA, NOW));
        }

        @Test
        void recordingAgainReplacesAndARepeatChangesNothing() {
            SealedText other = new SealedText("amina", "DA0ODw==");
            fixture.given(founded(), amina(), recorded)
                    .when(new RecordPayoutDetails(WEST, C3, other, holder, null, TODAY, AMINA))
                    .expectEvents(new PayoutDetailsRecorded(WEST, C3, other, holder, null, TODAY, AMINA, NOW));
            fixture.given(founded(), amina(), recorded)
                    .when(new RecordPayoutDetails(WEST, C2, iban, holder, link, TODAY, AMINA))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            // A retry seals the same details again: other ciphertext, still the same command.
            fixture.given(founded(), amina(), recorded)
                    .when(new RecordPayoutDetails(WEST, C2, other, other, other, TODAY, AMINA))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(founded(), amina(), recorded)
                    .when(new RecordPayoutDetails(WEST, C2, iban, holder, null, TODAY, AMINA))
                    .expectException(CommandIdReused.class).expectNoEvents();
        }

        @Test
        void detailsSealedWithAnotherPersonsKeyAreRefused() {
            // They would survive the member's erasure: only the member's own key erases them.
            SealedText foreign = new SealedText("coord", "AAECAw==");
            fixture.given(founded(), amina())
                    .when(new RecordPayoutDetails(WEST, C2, foreign, holder, null, TODAY, AMINA))
                    .expectException(IllegalArgumentException.class).expectNoEvents();
            fixture.given(founded(), amina())
                    .when(new RecordPayoutDetails(WEST, C2, iban, holder, foreign, TODAY, AMINA))
                    .expectException(IllegalArgumentException.class).expectNoEvents();
        }

        @Test
        void aStrangerOrAnErasedMemberRecordsNothing() {
            fixture.given(founded())
                    .when(new RecordPayoutDetails(WEST, C2, iban, holder, null, TODAY, AMINA))
                    .expectException(UnknownMember.class).expectNoEvents();
            fixture.given(founded(), amina(), new ErasureRequested(WEST, C2, AMINA, TODAY, COORD, NOW),
                            new ErasureConfirmed(WEST, C3, AMINA, COORD, TODAY, AMINA, NOW))
                    .when(new RecordPayoutDetails(WEST, CommandId.of("c-4"), iban, holder, null, TODAY, AMINA))
                    .expectException(AlreadyErased.class).expectNoEvents();
        }

        @Test
        void rejectsAFutureDate() {
            fixture.given(founded(), amina())
                    .when(new RecordPayoutDetails(WEST, C2, iban, holder, null, TODAY.plusDays(1), AMINA))
                    .expectException(BusinessDateOutOfRange.class).expectNoEvents();
        }

        @Test
        void aMemberRemovesOnlyDetailsTheyHave() {
            fixture.given(founded(), amina(), recorded)
                    .when(new RemovePayoutDetails(WEST, C3, TODAY, AMINA))
                    .expectEvents(new PayoutDetailsRemoved(WEST, C3, TODAY, AMINA, NOW));
            fixture.given(founded(), amina())
                    .when(new RemovePayoutDetails(WEST, C3, TODAY, AMINA))
                    .expectException(NoPayoutDetails.class).expectNoEvents();
            fixture.given(founded(), amina(), recorded, new PayoutDetailsRemoved(WEST, C3, TODAY, AMINA, NOW))
                    .when(new RemovePayoutDetails(WEST, CommandId.of("c-4"), TODAY, AMINA))
                    .expectException(NoPayoutDetails.class).expectNoEvents();
        }
    }
}
