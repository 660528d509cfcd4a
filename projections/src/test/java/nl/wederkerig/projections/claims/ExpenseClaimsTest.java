package nl.wederkerig.projections.claims;

import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.ClaimRejected;
import nl.wederkerig.core.claims.ClaimSubmitted;
import nl.wederkerig.core.claims.RejectionReason;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.FundEntryReversed;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReasonCode;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpenseClaimsTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final CommunityId NORTH = CommunityId.of("rotterdam-noord");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final ClaimId CLAIM = ClaimId.of("claim-1");
    static final MemberId CEES = MemberId.of("cees");
    static final MemberId DEWI = MemberId.of("dewi");
    static final ReceiptReference BON = ReceiptReference.of("scan-2026-0042");
    static final LocalDate DAY = LocalDate.parse("2026-11-02");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    ExpenseClaims claims;
    GivenEvents given;

    @BeforeEach
    void setUp() {
        claims = new ExpenseClaims(ReadModelDatabase.fresh());
        given = GivenEvents.into(claims);
    }

    static ClaimSubmitted submitted() {
        return new ClaimSubmitted(CLAIM, WEST, MEALS, CEES, Money.eur("23.45"), ExpenseCategory.FOOD, BON, DAY, CEES, AT);
    }

    static ClaimApproved approved() {
        return new ClaimApproved(CLAIM, WEST, MEALS, CommandId.of("ok"), CEES, Money.eur("23.45"), ExpenseCategory.FOOD,
                DAY.plusDays(1), DEWI, AT);
    }

    static ClaimPaid paid(String command, LocalDate on) {
        return new ClaimPaid(MEALS, WEST, CommandId.of(command), CLAIM, CEES, DEWI, Money.eur("23.45"), Channel.BANK, on, DEWI, AT);
    }

    @Test
    void aSubmittedClaimShowsItsInitiativeClaimantAmountAndReceipt() {
        given.given(submitted());

        assertThat(claims.claim(WEST, CLAIM)).contains(new ClaimView(CLAIM, MEALS, CEES, Money.eur("23.45"), ExpenseCategory.FOOD,
                BON, ClaimState.SUBMITTED, DAY, java.util.List.of(new ClaimStep(ClaimStepKind.SUBMITTED, DAY, CEES, null, null, null))));
    }

    @Test
    void theHistoryListsEveryStepInOrderAndAReversedPaymentLeavesTheClaimApprovedAgain() {
        given.given(submitted(), approved(), paid("pay-1", DAY.plusDays(2)));
        assertThat(claims.claim(WEST, CLAIM).orElseThrow().status()).isEqualTo(ClaimState.PAID);

        given.given(new FundEntryReversed(MEALS, WEST, CommandId.of("undo"), paid("pay-1", DAY.plusDays(2)),
                        ReversalReason.ENTERED_IN_ERROR, DAY.plusDays(3), DEWI, AT),
                paid("pay-2", DAY.plusDays(4)));

        ClaimView view = claims.claim(WEST, CLAIM).orElseThrow();
        assertThat(view.status()).isEqualTo(ClaimState.PAID);
        assertThat(view.steps()).containsExactly(
                new ClaimStep(ClaimStepKind.SUBMITTED, DAY, CEES, null, null, null),
                new ClaimStep(ClaimStepKind.APPROVED, DAY.plusDays(1), DEWI, null, null, null),
                new ClaimStep(ClaimStepKind.PAID, DAY.plusDays(2), DEWI, Channel.BANK, null, null),
                new ClaimStep(ClaimStepKind.PAYMENT_REVERSED, DAY.plusDays(3), DEWI, Channel.BANK, null, null),
                new ClaimStep(ClaimStepKind.PAID, DAY.plusDays(4), DEWI, Channel.BANK, null, null));
    }

    @Test
    void aMembersOwnClaimsAreListedNewestFirstAndNobodyElses() {
        ClaimId later = ClaimId.of("claim-2");
        ClaimId dewis = ClaimId.of("claim-3");
        given.given(submitted(), approved(),
                new ClaimSubmitted(later, WEST, MEALS, CEES, Money.eur("4.00"), ExpenseCategory.MATERIALS, BON, DAY.plusDays(5), CEES, AT),
                new ClaimSubmitted(dewis, WEST, MEALS, DEWI, Money.eur("9.00"), ExpenseCategory.FOOD, BON, DAY, DEWI, AT),
                new ClaimSubmitted(ClaimId.of("claim-4"), NORTH, MEALS, CEES, Money.eur("1.00"), ExpenseCategory.FOOD, BON, DAY, CEES, AT));

        assertThat(claims.ofClaimant(WEST, CEES)).extracting(ClaimView::claimId, ClaimView::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(later, ClaimState.SUBMITTED),
                        org.assertj.core.groups.Tuple.tuple(CLAIM, ClaimState.APPROVED));
        assertThat(claims.ofClaimant(WEST, DEWI)).extracting(ClaimView::claimId).containsExactly(dewis);
    }

    @Test
    void aRejectionShowsItsReason() {
        given.given(submitted(), new ClaimRejected(CLAIM, WEST, MEALS, CommandId.of("no"), CEES, RejectionReason.NO_BUDGET,
                ReasonCode.of("budget-2026"), DAY.plusDays(1), DEWI, AT));

        ClaimView view = claims.claim(WEST, CLAIM).orElseThrow();
        assertThat(view.status()).isEqualTo(ClaimState.REJECTED);
        assertThat(view.steps()).last().isEqualTo(new ClaimStep(ClaimStepKind.REJECTED, DAY.plusDays(1), DEWI, null,
                RejectionReason.NO_BUDGET, ReasonCode.of("budget-2026")));
    }

    @Test
    void otherFundEntriesAndTheirReversalsAreNoClaimsBusiness() {
        ContributionReceived grant = new ContributionReceived(MEALS, WEST, CommandId.of("g"), Money.eur("100.00"),
                ContributionSource.GRANT, null, Channel.BANK, DAY, DEWI, AT);
        given.given(submitted(), grant,
                new FundEntryReversed(MEALS, WEST, CommandId.of("undo-g"), grant, ReversalReason.DUPLICATE, DAY, DEWI, AT));
        assertThat(claims.claim(WEST, CLAIM).orElseThrow().steps()).hasSize(1);
    }

    @Test
    void aClaimOfAnotherCommunityIsNotFoundAndAStepOutOfOrderStopsTheReadModel() {
        given.given(submitted());
        assertThat(claims.claim(NORTH, CLAIM)).isEmpty();
        assertThatThrownBy(() -> given.given(paid("pay-1", DAY))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theQueueListsSubmittedAndApprovedClaimsOfTheInitiativeOnly() {
        ClaimId second = ClaimId.of("claim-2");
        given.given(submitted(), new ClaimSubmitted(second, WEST, MEALS, CEES, Money.eur("5.00"), ExpenseCategory.FOOD, BON,
                DAY.plusDays(1), CEES, AT));
        assertThat(claims.open(WEST, MEALS)).extracting(ClaimView::claimId).containsExactly(CLAIM, second);
        given.given(approved());
        assertThat(claims.open(WEST, MEALS)).extracting(ClaimView::status).containsExactly(ClaimState.APPROVED, ClaimState.SUBMITTED);
        given.given(paid("pay-1", DAY.plusDays(2)));
        assertThat(claims.open(WEST, MEALS)).extracting(ClaimView::claimId).containsExactly(second);
        assertThat(claims.open(NORTH, MEALS)).isEmpty();
    }

    static final nl.wederkerig.core.shared.SealedText QUESTION = new nl.wederkerig.core.shared.SealedText("cees", "dnJhYWc=");
    static final nl.wederkerig.core.shared.SealedText ANSWER = new nl.wederkerig.core.shared.SealedText("cees", "YW50d29vcmQ=");

    @Test
    void aQuestionAndItsAnswerAreStepsWithTheirSealedTextsAndTheClaimWaitsInTheQueueMeanwhile() {
        given.given(submitted(), new nl.wederkerig.core.claims.ClaimInformationRequested(CLAIM, WEST, MEALS, CommandId.of("ask"), CEES,
                QUESTION, DAY.plusDays(1), DEWI, AT));
        assertThat(claims.claim(WEST, CLAIM).orElseThrow().status()).isEqualTo(ClaimState.NEEDS_INFORMATION);
        assertThat(claims.open(WEST, MEALS)).extracting(ClaimView::status).containsExactly(ClaimState.NEEDS_INFORMATION);

        given.given(new nl.wederkerig.core.claims.ClaimInformationProvided(CLAIM, WEST, MEALS, CommandId.of("reply"), ANSWER, null,
                DAY.plusDays(2), CEES, AT));

        assertThat(claims.claim(WEST, CLAIM).orElseThrow().status()).isEqualTo(ClaimState.SUBMITTED);
        assertThat(claims.notes(WEST, CLAIM)).containsExactly(
                new ClaimNote(ClaimStepKind.INFORMATION_REQUESTED, DAY.plusDays(1), DEWI, QUESTION),
                new ClaimNote(ClaimStepKind.INFORMATION_PROVIDED, DAY.plusDays(2), CEES, ANSWER));
        assertThat(claims.notes(NORTH, CLAIM)).isEmpty();
    }

    @Test
    void aClaimWaitingForAnAnswerMayStillBeRejected() {
        given.given(submitted(), new nl.wederkerig.core.claims.ClaimInformationRequested(CLAIM, WEST, MEALS, CommandId.of("ask"), CEES,
                QUESTION, DAY.plusDays(1), DEWI, AT), new ClaimRejected(CLAIM, WEST, MEALS, CommandId.of("no"), CEES,
                RejectionReason.NO_BUDGET, null, DAY.plusDays(2), DEWI, AT));
        assertThat(claims.claim(WEST, CLAIM).orElseThrow().status()).isEqualTo(ClaimState.REJECTED);
    }

    @Test
    void aPaymentByHandIsSeenOnTheBankOnlyOnceALineIsMatchedToIt() {
        given.given(submitted(), approved(), paid("pay-1", DAY.plusDays(2)));
        assertThat(ExpenseClaims.paymentMatched(claims.claim(WEST, CLAIM).orElseThrow().steps())).isFalse();

        given.given(new nl.wederkerig.core.reconciliation.BankLinesMatched(MEALS, WEST, CommandId.of("match"),
                java.util.List.of(nl.wederkerig.core.reconciliation.BankLineId.of("line-1")), java.util.List.of(CommandId.of("pay-1")),
                Money.eur("-23.45"), DAY.plusDays(3), DEWI, AT));

        ClaimView view = claims.claim(WEST, CLAIM).orElseThrow();
        assertThat(view.steps()).last().isEqualTo(new ClaimStep(ClaimStepKind.PAYMENT_MATCHED, DAY.plusDays(3), DEWI, Channel.BANK,
                null, null));
        assertThat(ExpenseClaims.paymentMatched(view.steps())).isTrue();
        assertThat(claims.ofInitiative(WEST, MEALS)).extracting(ClaimView::status).containsExactly(ClaimState.PAID);
    }
}
