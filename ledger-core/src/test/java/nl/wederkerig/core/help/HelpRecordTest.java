package nl.wederkerig.core.help;

import nl.wederkerig.core.TestCommunity;
import nl.wederkerig.core.community.UnknownMember;
import nl.wederkerig.core.shared.ActorNotAllowed;
import nl.wederkerig.core.shared.BusinessDateOutOfRange;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InWrongState;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.NotAParty;
import nl.wederkerig.core.shared.SealedText;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.MONDAY;
import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;

class HelpRecordTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final HelpId HELP = HelpId.of("help-1");
    static final MemberId HELPER = MemberId.of("amina");
    static final MemberId RECEIVER = MemberId.of("bram");
    static final CommandId C1 = CommandId.of("c-1");
    static final CommandId C2 = CommandId.of("c-2");
    static final Hours TWO_HOURS_TWENTY = Hours.ofMinutes(140);
    static final SealedText NOTE = new SealedText("key-bram", "c2VhbGVk");
    static final MemberId DIRK = MemberId.of("dirk");
    static final MemberId NOBODY = MemberId.of("nobody");

    FixtureConfiguration<HelpRecord> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HelpRecord.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(TestCommunity.founded(WEST, MemberId.of("coord"))
                .members(HELPER, RECEIVER).formerMembers(DIRK).parties());
    }

    static RecordHelp record(Hours hours, MemberId actor) {
        return new RecordHelp(HELP, WEST, HELPER, RECEIVER, hours, HelpKind.COMPANY, NOTE, MONDAY, actor);
    }

    static HelpRecorded recorded() {
        return new HelpRecorded(HELP, WEST, HELPER, RECEIVER, TWO_HOURS_TWENTY, HelpKind.COMPANY, NOTE, MONDAY, HELPER, NOW);
    }

    @Test
    void recordsExactMinutes() {
        fixture.givenNoPriorActivity().when(record(TWO_HOURS_TWENTY, HELPER)).expectEvents(recorded());
    }

    @Test
    void retryAndMismatch() {
        fixture.given(recorded()).when(record(TWO_HOURS_TWENTY, HELPER)).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(recorded()).when(record(Hours.ofMinutes(141), HELPER)).expectException(CommandIdReused.class).expectNoEvents();
    }

    @Test
    void onlyTheHelperRecords() {
        fixture.givenNoPriorActivity().when(record(TWO_HOURS_TWENTY, RECEIVER)).expectException(ActorNotAllowed.class).expectNoEvents();
    }

    @Test
    void rejectsZeroMinutesAndHelpToOneself() {
        fixture.givenNoPriorActivity().when(record(Hours.ofMinutes(0), HELPER)).expectException(HoursNotPositive.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RecordHelp(HELP, WEST, HELPER, HELPER, TWO_HOURS_TWENTY, HelpKind.OTHER, null, MONDAY, HELPER))
                .expectException(SelfHelp.class).expectNoEvents();
    }

    @Test
    void rejectsHelpToSomeoneWhoIsNoMember() {
        fixture.givenNoPriorActivity()
                .when(new RecordHelp(HELP, WEST, HELPER, NOBODY, TWO_HOURS_TWENTY, HelpKind.OTHER, null, MONDAY, HELPER))
                .expectException(UnknownMember.class).expectNoEvents();
    }

    @Test
    void rejectsHelpToOrFromAMemberWhoLeft() {
        fixture.givenNoPriorActivity()
                .when(new RecordHelp(HELP, WEST, HELPER, DIRK, TWO_HOURS_TWENTY, HelpKind.OTHER, null, MONDAY, HELPER))
                .expectException(UnknownMember.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RecordHelp(HELP, WEST, DIRK, RECEIVER, TWO_HOURS_TWENTY, HelpKind.OTHER, null, MONDAY, DIRK))
                .expectException(UnknownMember.class).expectNoEvents();
    }

    @Test
    void aReceiverWhoLeftStillConfirmsOrDisputes() {
        fixture.given(new HelpRecorded(HELP, WEST, HELPER, DIRK, TWO_HOURS_TWENTY, HelpKind.COMPANY, null, MONDAY, HELPER, NOW))
                .when(new ConfirmHelp(HELP, C1, TODAY, DIRK))
                .expectEvents(new HelpConfirmed(HELP, WEST, C1, TODAY, DIRK, NOW));
    }

    @Test
    void rejectsAFutureDate() {
        fixture.givenNoPriorActivity()
                .when(new RecordHelp(HELP, WEST, HELPER, RECEIVER, TWO_HOURS_TWENTY, HelpKind.OTHER, null, TODAY.plusDays(1), HELPER))
                .expectException(BusinessDateOutOfRange.class).expectNoEvents();
    }

    @Test
    void receiverConfirms() {
        fixture.given(recorded()).when(new ConfirmHelp(HELP, C1, TODAY, RECEIVER))
                .expectEvents(new HelpConfirmed(HELP, WEST, C1, TODAY, RECEIVER, NOW));
    }

    @Test
    void helperCannotConfirmOrDispute() {
        fixture.given(recorded()).when(new ConfirmHelp(HELP, C1, TODAY, HELPER)).expectException(ActorNotAllowed.class).expectNoEvents();
        fixture.given(recorded()).when(new DisputeHelp(HELP, C1, HelpDisputeReason.OTHER, TODAY, HELPER))
                .expectException(ActorNotAllowed.class).expectNoEvents();
    }

    @Test
    void receiverDisputesThenResolvesByConfirming() {
        fixture.given(recorded()).when(new DisputeHelp(HELP, C1, HelpDisputeReason.HOURS_WRONG, TODAY, RECEIVER))
                .expectEvents(new HelpDisputed(HELP, WEST, C1, HelpDisputeReason.HOURS_WRONG, TODAY, RECEIVER, NOW));
        fixture.given(recorded(), new HelpDisputed(HELP, WEST, C1, HelpDisputeReason.HOURS_WRONG, TODAY, RECEIVER, NOW))
                .when(new ConfirmHelp(HELP, C2, TODAY, RECEIVER))
                .expectEvents(new HelpConfirmed(HELP, WEST, C2, TODAY, RECEIVER, NOW));
    }

    @Test
    void rejectsConfirmingTwiceAndDisputingAfterConfirming() {
        fixture.given(recorded(), new HelpConfirmed(HELP, WEST, C1, TODAY, RECEIVER, NOW))
                .when(new ConfirmHelp(HELP, C2, TODAY, RECEIVER)).expectException(InWrongState.class).expectNoEvents();
        fixture.given(recorded(), new HelpConfirmed(HELP, WEST, C1, TODAY, RECEIVER, NOW))
                .when(new DisputeHelp(HELP, C2, HelpDisputeReason.OTHER, TODAY, RECEIVER)).expectException(InWrongState.class).expectNoEvents();
    }

    @Test
    void repeatedConfirmationChangesNothing() {
        fixture.given(recorded(), new HelpConfirmed(HELP, WEST, C1, TODAY, RECEIVER, NOW))
                .when(new ConfirmHelp(HELP, C1, TODAY, RECEIVER)).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(recorded(), new HelpConfirmed(HELP, WEST, C1, TODAY, RECEIVER, NOW))
                .when(new DisputeHelp(HELP, C1, HelpDisputeReason.OTHER, TODAY, RECEIVER)).expectException(CommandIdReused.class).expectNoEvents();
    }

    @Test
    void anOutsiderConfirmingOrDisputingFindsNothing() {
        MemberId outsider = MemberId.of("cees");
        fixture.given(recorded()).when(new ConfirmHelp(HELP, C1, TODAY, outsider)).expectException(NotAParty.class).expectNoEvents();
        fixture.given(recorded()).when(new DisputeHelp(HELP, C1, HelpDisputeReason.OTHER, TODAY, outsider))
                .expectException(NotAParty.class).expectNoEvents();
        // Not even a repeat of the receiver's own command id tells an outsider that the record exists.
        fixture.given(recorded(), new HelpConfirmed(HELP, WEST, C1, TODAY, RECEIVER, NOW))
                .when(new ConfirmHelp(HELP, C1, TODAY, outsider)).expectException(NotAParty.class).expectNoEvents();
    }

    /** A coordinator, or a neighbour the helper named, records hours for a helper without a phone. */
    @Test
    void aNamedHelperOrACoordinatorRecordsOnBehalfAndAStrangerIsRefused() {
        MemberId coord = MemberId.of("coord");
        MemberId cees = MemberId.of("cees");
        for (MemberId actor : List.of(coord, cees)) {
            FixtureConfiguration<HelpRecord> onBehalf = new AggregateTestFixture<>(HelpRecord.class);
            onBehalf.registerInjectableResource(CLOCK);
            onBehalf.registerInjectableResource(TestCommunity.founded(WEST, coord).members(HELPER, RECEIVER, cees)
                    .helperNamed(HELPER, cees).parties());
            onBehalf.givenNoPriorActivity().when(record(TWO_HOURS_TWENTY, actor))
                    .expectEvents(new HelpRecorded(HELP, WEST, HELPER, RECEIVER, TWO_HOURS_TWENTY, HelpKind.COMPANY, NOTE,
                            MONDAY, actor, NOW));
        }
        FixtureConfiguration<HelpRecord> withdrawn = new AggregateTestFixture<>(HelpRecord.class);
        withdrawn.registerInjectableResource(CLOCK);
        withdrawn.registerInjectableResource(TestCommunity.founded(WEST, coord).members(HELPER, RECEIVER, cees)
                .helperNamed(HELPER, cees).helperWithdrawn(HELPER, cees).parties());
        withdrawn.givenNoPriorActivity().when(record(TWO_HOURS_TWENTY, cees))
                .expectException(ActorNotAllowed.class).expectNoEvents();
    }
}
