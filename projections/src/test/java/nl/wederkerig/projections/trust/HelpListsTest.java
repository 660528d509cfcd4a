package nl.wederkerig.projections.trust;

import nl.wederkerig.core.help.HelpConfirmed;
import nl.wederkerig.core.help.HelpDisputeReason;
import nl.wederkerig.core.help.HelpDisputed;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.HelpRecorded;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static nl.wederkerig.projections.trust.NeighbourActivityTest.AT;
import static nl.wederkerig.projections.trust.NeighbourActivityTest.DAY;
import static nl.wederkerig.projections.trust.NeighbourActivityTest.NORTH;
import static nl.wederkerig.projections.trust.NeighbourActivityTest.WEST;
import static org.assertj.core.api.Assertions.assertThat;

/** A neighbour's records of help both ways, and the help still waiting for their answer, from given events. */
class HelpListsTest {

    static final MemberId AMINA = MemberId.of("amina");
    static final MemberId BRAM = MemberId.of("bram");
    static final MemberId CEES = MemberId.of("cees");

    NeighbourActivity activity;
    GivenEvents given;

    @BeforeEach
    void setUp() {
        activity = new NeighbourActivity(ReadModelDatabase.fresh());
        given = GivenEvents.into(activity);
    }

    static HelpRecorded recorded(String id, MemberId helper, MemberId receiver, long minutes, int day) {
        return new HelpRecorded(HelpId.of(id), WEST, helper, receiver, Hours.ofMinutes(minutes), HelpKind.COMPANY, null,
                DAY.plusDays(day), helper, AT);
    }

    @Test
    void bothWaysNewestFirstAndOnlyTheUnansweredWaitForTheReceiver() {
        given.given(recorded("h1", AMINA, BRAM, 90, 0), recorded("h2", BRAM, AMINA, 30, 2), recorded("h3", CEES, BRAM, 60, 1),
                recorded("h4", CEES, AMINA, 15, 3),
                new HelpConfirmed(HelpId.of("h4"), WEST, CommandId.of("yes"), DAY.plusDays(4), AMINA, AT));

        assertThat(activity.helpOf(WEST, AMINA)).extracting(HelpView::helpId)
                .containsExactly(HelpId.of("h4"), HelpId.of("h2"), HelpId.of("h1"));
        assertThat(activity.helpToConfirm(WEST, BRAM)).extracting(HelpView::helpId)
                .containsExactly(HelpId.of("h1"), HelpId.of("h3"));
        assertThat(activity.helpToConfirm(WEST, AMINA)).extracting(HelpView::helpId).containsExactly(HelpId.of("h2"));

        given.given(new HelpDisputed(HelpId.of("h2"), WEST, CommandId.of("no"), HelpDisputeReason.HOURS_WRONG, DAY.plusDays(5), AMINA, AT));
        assertThat(activity.helpToConfirm(WEST, AMINA)).isEmpty();
        assertThat(activity.helpOf(NORTH, AMINA)).isEmpty();
    }
}
