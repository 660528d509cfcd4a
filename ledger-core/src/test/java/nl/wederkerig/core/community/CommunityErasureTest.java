package nl.wederkerig.core.community;

import nl.wederkerig.core.shared.ActorNotAllowed;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.MONDAY;
import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;

/** Erasure on request (GDPR art. 17): recorded by a coordinator, confirmed by a second person. */
class CommunityErasureTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final MemberId COORD = MemberId.of("coord");
    static final MemberId SECOND = MemberId.of("femke");
    static final MemberId AMINA = MemberId.of("amina");
    static final MemberId BRAM = MemberId.of("bram");
    static final CommandId ASK = CommandId.of("erase-ask");
    static final CommandId CONFIRM = CommandId.of("erase-confirm");

    FixtureConfiguration<Community> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Community.class);
        fixture.registerInjectableResource(CLOCK);
    }

    static Object[] community() {
        return new Object[]{
                new CommunityFounded(WEST, COORD, MONDAY, COORD, NOW),
                new MemberRegistered(WEST, CommandId.of("m1"), AMINA, TODAY, COORD, NOW),
                new MemberRegistered(WEST, CommandId.of("m2"), BRAM, TODAY, COORD, NOW),
                new MemberRegistered(WEST, CommandId.of("m3"), SECOND, TODAY, COORD, NOW),
                new RoleAssigned(WEST, CommandId.of("r1"), SECOND, Role.coordinator(), TODAY, COORD, NOW)};
    }

    static ErasureRequested requested() {
        return new ErasureRequested(WEST, ASK, AMINA, TODAY, COORD, NOW);
    }

    @Test
    void aCoordinatorRecordsTheRequest() {
        fixture.given(community()).when(new RequestErasure(WEST, ASK, AMINA, TODAY, COORD))
                .expectEvents(requested());
    }

    @Test
    void aMemberWhoLeftCanStillHaveTheirDataErased() {
        Object[] left = java.util.stream.Stream.concat(java.util.Arrays.stream(community()), java.util.stream.Stream.of(
                new MemberDeregistered(WEST, CommandId.of("left"), AMINA, java.util.List.of(Role.neighbour()), TODAY, COORD, NOW)))
                .toArray();
        fixture.given(left).when(new RequestErasure(WEST, ASK, AMINA, TODAY, COORD))
                .expectEvents(requested());
        fixture.given(java.util.stream.Stream.concat(java.util.Arrays.stream(left), java.util.stream.Stream.of(requested())).toArray())
                .when(new ConfirmErasure(WEST, CONFIRM, AMINA, TODAY, SECOND))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyACoordinatorRecordsARequest() {
        fixture.given(community()).when(new RequestErasure(WEST, ASK, AMINA, TODAY, BRAM))
                .expectException(CoordinatorOnly.class).expectNoEvents();
    }

    @Test
    void anUnknownMemberCannotBeErased() {
        fixture.given(community()).when(new RequestErasure(WEST, ASK, MemberId.of("nobody"), TODAY, COORD))
                .expectException(UnknownMember.class).expectNoEvents();
    }

    @Test
    void aSecondRequestWaitsForTheFirst() {
        fixture.given(community()).andGiven(requested())
                .when(new RequestErasure(WEST, CommandId.of("again"), AMINA, TODAY, SECOND))
                .expectException(ErasureAlreadyRequested.class).expectNoEvents();
    }

    @Test
    void aSecondCoordinatorConfirms() {
        fixture.given(community()).andGiven(requested()).when(new ConfirmErasure(WEST, CONFIRM, AMINA, TODAY, SECOND))
                .expectEvents(new ErasureConfirmed(WEST, CONFIRM, AMINA, COORD, TODAY, SECOND, NOW));
    }

    @Test
    void theMemberThemselvesConfirms() {
        fixture.given(community()).andGiven(requested()).when(new ConfirmErasure(WEST, CONFIRM, AMINA, TODAY, AMINA))
                .expectEvents(new ErasureConfirmed(WEST, CONFIRM, AMINA, COORD, TODAY, AMINA, NOW));
    }

    @Test
    void theCoordinatorWhoRequestedItCannotConfirmIt() {
        fixture.given(community()).andGiven(requested()).when(new ConfirmErasure(WEST, CONFIRM, AMINA, TODAY, COORD))
                .expectException(ErasureNeedsSecondPerson.class).expectNoEvents();
    }

    @Test
    void anotherNeighbourCannotConfirmIt() {
        fixture.given(community()).andGiven(requested()).when(new ConfirmErasure(WEST, CONFIRM, AMINA, TODAY, BRAM))
                .expectException(ActorNotAllowed.class).expectNoEvents();
    }

    @Test
    void nothingToConfirmWithoutARequest() {
        fixture.given(community()).when(new ConfirmErasure(WEST, CONFIRM, AMINA, TODAY, SECOND))
                .expectException(NoErasureRequested.class).expectNoEvents();
    }

    @Test
    void anErasedMemberIsNotErasedAgain() {
        fixture.given(community()).andGiven(requested(), new ErasureConfirmed(WEST, CONFIRM, AMINA, COORD, TODAY, SECOND, NOW))
                .when(new RequestErasure(WEST, CommandId.of("again"), AMINA, TODAY, COORD))
                .expectException(AlreadyErased.class).expectNoEvents();
    }

    @Test
    void aRepeatedConfirmationChangesNothingAndAReusedIdIsRefused() {
        fixture.given(community()).andGiven(requested(), new ErasureConfirmed(WEST, CONFIRM, AMINA, COORD, TODAY, SECOND, NOW))
                .when(new ConfirmErasure(WEST, CONFIRM, AMINA, TODAY, SECOND))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(community()).andGiven(requested())
                .when(new RequestErasure(WEST, ASK, BRAM, TODAY, COORD))
                .expectException(CommandIdReused.class).expectNoEvents();
    }
}
