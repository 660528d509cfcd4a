package nl.wederkerig.core.claims;

import nl.wederkerig.core.TestCommunity;
import nl.wederkerig.core.community.UnknownInitiative;
import nl.wederkerig.core.community.UnknownMember;
import nl.wederkerig.core.shared.AmountNotPositive;
import nl.wederkerig.core.shared.AmountTooLarge;
import nl.wederkerig.core.shared.BusinessDateOutOfRange;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InWrongState;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReasonCode;
import nl.wederkerig.core.shared.ReceiptMissing;
import nl.wederkerig.core.shared.ReceiptReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.MONDAY;
import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;

class ClaimTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final ClaimId CLAIM = ClaimId.of("claim-1");
    static final MemberId VOLUNTEER = MemberId.of("cees");
    static final MemberId TREASURER = MemberId.of("dewi");
    static final CommandId C1 = CommandId.of("c-1");
    static final CommandId C2 = CommandId.of("c-2");
    static final ReceiptReference BON = ReceiptReference.of("scan-2026-0042");
    static final MemberId DIRK = MemberId.of("dirk");

    FixtureConfiguration<Claim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Claim.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(TestCommunity.founded(WEST, MemberId.of("coord"))
                .members(VOLUNTEER, TREASURER).formerMembers(DIRK).initiatives(MEALS).parties());
    }

    static SubmitClaim submit(String amount, ReceiptReference receipt) {
        return new SubmitClaim(CLAIM, WEST, MEALS, Money.eur(amount), ExpenseCategory.FOOD, receipt, MONDAY, VOLUNTEER);
    }

    static ClaimSubmitted submitted() {
        return new ClaimSubmitted(CLAIM, WEST, MEALS, VOLUNTEER, Money.eur("23.45"), ExpenseCategory.FOOD, BON, MONDAY, VOLUNTEER, NOW);
    }

    static ClaimApproved approved() {
        return new ClaimApproved(CLAIM, WEST, MEALS, C1, VOLUNTEER, Money.eur("23.45"), ExpenseCategory.FOOD, TODAY, TREASURER, NOW);
    }

    @Test
    void volunteerSubmits() {
        fixture.givenNoPriorActivity().when(submit("23.45", BON)).expectEvents(submitted());
    }

    @Test
    void submitRetryAndMismatch() {
        fixture.given(submitted()).when(submit("23.45", BON)).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(submitted()).when(submit("23.46", BON)).expectException(CommandIdReused.class).expectNoEvents();
    }

    @Test
    void submitRejectsMissingReceiptZeroAndTooMuch() {
        fixture.givenNoPriorActivity().when(submit("23.45", null)).expectException(ReceiptMissing.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit("0.00", BON)).expectException(AmountNotPositive.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit("2500.01", BON)).expectException(AmountTooLarge.class).expectNoEvents();
    }

    @Test
    void submitRejectsAnInitiativeTheCommunityDoesNotHave() {
        fixture.givenNoPriorActivity()
                .when(new SubmitClaim(CLAIM, WEST, InitiativeId.of("ghost"), Money.eur("5.00"), ExpenseCategory.FOOD, BON,
                        MONDAY, VOLUNTEER))
                .expectException(UnknownInitiative.class).expectNoEvents();
    }

    @Test
    void aMemberWhoLeftOrNeverJoinedSubmitsNoClaim() {
        fixture.givenNoPriorActivity()
                .when(new SubmitClaim(CLAIM, WEST, MEALS, Money.eur("5.00"), ExpenseCategory.FOOD, BON, MONDAY, DIRK))
                .expectException(UnknownMember.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new SubmitClaim(CLAIM, WEST, MEALS, Money.eur("5.00"), ExpenseCategory.FOOD, BON, MONDAY, MemberId.of("nobody")))
                .expectException(UnknownMember.class).expectNoEvents();
    }

    @Test
    void treasurerApproves() {
        fixture.given(submitted()).when(new ApproveClaim(CLAIM, C1, TODAY, TREASURER)).expectEvents(approved());
    }

    @Test
    void neverTheirOwnClaim() {
        fixture.given(submitted()).when(new ApproveClaim(CLAIM, C1, TODAY, VOLUNTEER))
                .expectException(OwnClaimApproval.class).expectNoEvents();
        fixture.given(submitted()).when(new RejectClaim(CLAIM, C1, RejectionReason.OTHER, null, TODAY, VOLUNTEER))
                .expectException(OwnClaimApproval.class).expectNoEvents();
    }

    @Test
    void treasurerRejectsWithReasonAndCode() {
        fixture.given(submitted())
                .when(new RejectClaim(CLAIM, C1, RejectionReason.NO_BUDGET, ReasonCode.of("budget-2026"), TODAY, TREASURER))
                .expectEvents(new ClaimRejected(CLAIM, WEST, MEALS, C1, VOLUNTEER, RejectionReason.NO_BUDGET,
                        ReasonCode.of("budget-2026"), TODAY, TREASURER, NOW));
    }

    @Test
    void decidedOnlyOnce() {
        fixture.given(submitted(), approved()).when(new RejectClaim(CLAIM, C2, RejectionReason.OTHER, null, TODAY, TREASURER))
                .expectException(InWrongState.class).expectNoEvents();
        fixture.given(submitted(), approved()).when(new ApproveClaim(CLAIM, C2, TODAY, TREASURER))
                .expectException(InWrongState.class).expectNoEvents();
    }

    @Test
    void approvalRetryAndMismatch() {
        fixture.given(submitted(), approved()).when(new ApproveClaim(CLAIM, C1, TODAY, TREASURER))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(submitted(), approved()).when(new RejectClaim(CLAIM, C1, RejectionReason.OTHER, null, TODAY, TREASURER))
                .expectException(CommandIdReused.class).expectNoEvents();
    }

    @Test
    void rejectsADecisionDatedBeforeSubmission() {
        fixture.given(submitted()).when(new ApproveClaim(CLAIM, C1, MONDAY.minusDays(1), TREASURER))
                .expectException(BusinessDateOutOfRange.class).expectNoEvents();
    }
}
