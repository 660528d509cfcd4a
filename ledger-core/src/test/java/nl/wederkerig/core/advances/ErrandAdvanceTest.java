package nl.wederkerig.core.advances;

import nl.wederkerig.core.TestCommunity;
import nl.wederkerig.core.shared.ActorNotAllowed;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;

/** An errand's overspend opened as an advance: it then behaves like any other advance. */
class ErrandAdvanceTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final MemberId HELPER = MemberId.of("amina");
    static final MemberId ASKER = MemberId.of("bram");
    static final AdvanceId ADV = AdvanceId.of("report-1");
    static final ErrandId ERRAND = ErrandId.of("errand-1");

    FixtureConfiguration<Advance> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Advance.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(TestCommunity.founded(WEST, HELPER).members(ASKER)
                .formerMembers(MemberId.of("dirk")).parties());
    }

    static OpenErrandAdvance open(String amount, MemberId actor) {
        return new OpenErrandAdvance(ADV, WEST, ERRAND, HELPER, ASKER, Money.eur(amount), TODAY, actor);
    }

    static ErrandAdvanceOpened opened(String amount) {
        return new ErrandAdvanceOpened(ADV, WEST, ERRAND, HELPER, ASKER, Money.eur(amount), TODAY, HELPER, NOW);
    }

    @Test
    void opensTheAdvance() {
        fixture.givenNoPriorActivity().when(open("5.20", HELPER)).expectEvents(opened("5.20"));
    }

    @Test
    void retryChangesNothingMismatchIsRejected() {
        fixture.given(opened("5.20")).when(open("5.20", HELPER)).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(opened("5.20")).when(open("5.21", HELPER)).expectException(CommandIdReused.class).expectNoEvents();
    }

    @Test
    void aMakeAdvanceWithTheSameIdIsRejected() {
        fixture.given(opened("5.20"))
                .when(new MakeAdvance(ADV, WEST, HELPER, ASKER, Money.eur("5.20"), Purpose.GROCERIES, TODAY, HELPER))
                .expectException(CommandIdReused.class).expectNoEvents();
    }

    @Test
    void opensEvenWhenTheAskerLeftMeanwhileBecauseTheDebtAlreadyExists() {
        MemberId dirk = MemberId.of("dirk");
        fixture.givenNoPriorActivity()
                .when(new OpenErrandAdvance(ADV, WEST, ERRAND, HELPER, dirk, Money.eur("5.20"), TODAY, HELPER))
                .expectEvents(new ErrandAdvanceOpened(ADV, WEST, ERRAND, HELPER, dirk, Money.eur("5.20"), TODAY, HELPER, NOW));
    }

    @Test
    void onlyTheHelperOpensIt() {
        fixture.givenNoPriorActivity().when(open("5.20", ASKER)).expectException(ActorNotAllowed.class).expectNoEvents();
    }

    @Test
    void theAskerReimbursesItLikeAnyAdvance() {
        CommandId c1 = CommandId.of("c-1");
        fixture.given(opened("5.20"))
                .when(new ReimburseAdvance(ADV, c1, Money.eur("5.20"), TODAY, ASKER))
                .expectEvents(new AdvanceReimbursed(ADV, WEST, c1, Money.eur("5.20"), Money.eur("0.00"), TODAY, ASKER, NOW));
    }
}
