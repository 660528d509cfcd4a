package nl.wederkerig.core.claims;

import nl.wederkerig.core.shared.ActorNotAllowed;
import nl.wederkerig.core.shared.BusinessDateOutOfRange;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.InWrongState;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.core.shared.SealedText;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.MONDAY;
import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;
import static nl.wederkerig.core.claims.ClaimTest.CLAIM;
import static nl.wederkerig.core.claims.ClaimTest.MEALS;
import static nl.wederkerig.core.claims.ClaimTest.TREASURER;
import static nl.wederkerig.core.claims.ClaimTest.VOLUNTEER;
import static nl.wederkerig.core.claims.ClaimTest.WEST;
import static nl.wederkerig.core.claims.ClaimTest.approved;
import static nl.wederkerig.core.claims.ClaimTest.submitted;

/** Needs information: a question back to the claimant, their answer, and what may happen meanwhile. */
class ClaimInformationTest {

    static final CommandId Q = CommandId.of("q-1");
    static final CommandId A = CommandId.of("a-1");
    static final SealedText QUESTION = new SealedText("cees", "d2Vsa2Ugd2lua2VsPw==");
    static final SealedText ANSWER = new SealedText("cees", "ZGUgbWFya3Q=");
    static final ReceiptReference NEW_BON = ReceiptReference.of("scan-2026-0043");

    FixtureConfiguration<Claim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Claim.class);
        fixture.registerInjectableResource(CLOCK);
    }

    static ClaimInformationRequested asked() {
        return new ClaimInformationRequested(CLAIM, WEST, MEALS, Q, VOLUNTEER, QUESTION, TODAY, TREASURER, NOW);
    }

    static ClaimInformationProvided answered() {
        return new ClaimInformationProvided(CLAIM, WEST, MEALS, A, ANSWER, NEW_BON, TODAY, VOLUNTEER, NOW);
    }

    @Test
    void aReviewerAsksTheClaimant() {
        fixture.given(submitted()).when(new RequestClaimInformation(CLAIM, Q, QUESTION, TODAY, TREASURER)).expectEvents(asked());
        fixture.given(submitted(), asked()).when(new RequestClaimInformation(CLAIM, Q, QUESTION, TODAY, TREASURER)).expectNoEvents();
    }

    @Test
    void theClaimantNeverQuestionsTheirOwnClaim() {
        fixture.given(submitted()).when(new RequestClaimInformation(CLAIM, Q, QUESTION, TODAY, VOLUNTEER))
                .expectException(OwnClaimApproval.class).expectNoEvents();
    }

    @Test
    void whileItNeedsInformationItIsNotApprovedButMayBeRejected() {
        fixture.given(submitted(), asked()).when(new ApproveClaim(CLAIM, CommandId.of("ok"), TODAY, TREASURER))
                .expectException(InWrongState.class).expectNoEvents();
        fixture.given(submitted(), asked()).when(new RequestClaimInformation(CLAIM, CommandId.of("q-2"), QUESTION, TODAY, TREASURER))
                .expectException(InWrongState.class).expectNoEvents();
        fixture.given(submitted(), asked()).when(new RejectClaim(CLAIM, CommandId.of("no"), RejectionReason.RECEIPT_UNREADABLE, null,
                        TODAY, TREASURER))
                .expectEvents(new ClaimRejected(CLAIM, WEST, MEALS, CommandId.of("no"), VOLUNTEER, RejectionReason.RECEIPT_UNREADABLE,
                        null, TODAY, TREASURER, NOW));
    }

    @Test
    void onlyTheClaimantAnswersAndTheClaimAwaitsADecisionAgain() {
        fixture.given(submitted(), asked()).when(new ProvideClaimInformation(CLAIM, A, ANSWER, NEW_BON, TODAY, TREASURER))
                .expectException(ActorNotAllowed.class).expectNoEvents();
        fixture.given(submitted(), asked()).when(new ProvideClaimInformation(CLAIM, A, ANSWER, NEW_BON, TODAY, VOLUNTEER))
                .expectEvents(answered());
        fixture.given(submitted(), asked(), answered()).when(new ApproveClaim(CLAIM, ClaimTest.C1, TODAY, TREASURER))
                .expectEvents(approved());
    }

    @Test
    void thereIsNothingToAnswerUnlessAsked() {
        fixture.given(submitted()).when(new ProvideClaimInformation(CLAIM, A, ANSWER, null, TODAY, VOLUNTEER))
                .expectException(InWrongState.class).expectNoEvents();
        fixture.given(submitted(), asked(), answered()).when(new ProvideClaimInformation(CLAIM, CommandId.of("a-2"), ANSWER, null,
                TODAY, VOLUNTEER)).expectException(InWrongState.class).expectNoEvents();
    }

    @Test
    void anAnswerIsNotDatedBeforeTheClaimAndItsIdIsItsOwn() {
        fixture.given(submitted(), asked()).when(new ProvideClaimInformation(CLAIM, A, ANSWER, null, MONDAY.minusDays(1), VOLUNTEER))
                .expectException(BusinessDateOutOfRange.class).expectNoEvents();
        fixture.given(submitted(), asked(), answered()).when(new ProvideClaimInformation(CLAIM, A, ANSWER, null, TODAY, VOLUNTEER))
                .expectException(CommandIdReused.class).expectNoEvents();
    }
}
