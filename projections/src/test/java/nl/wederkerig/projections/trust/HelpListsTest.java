package nl.wederkerig.projections.trust;

import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.errands.ErrandStarted;
import nl.wederkerig.core.help.HelpConfirmed;
import nl.wederkerig.core.help.HelpDisputeReason;
import nl.wederkerig.core.help.HelpDisputed;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.HelpRecorded;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.Money;
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

/** A neighbour's records of help and errands both ways, and the help still waiting for their answer, from given events. */
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

    @Test
    void aNeighboursErrandsAsAskerOrHelperNewestFirst() {
        given.given(new ErrandStarted(ErrandId.of("e1"), WEST, AMINA, BRAM, Money.eur("50.00"), Purpose.GROCERIES, DAY, AMINA, AT),
                new ErrandStarted(ErrandId.of("e2"), WEST, CEES, AMINA, Money.eur("10.00"), Purpose.PHARMACY, DAY.plusDays(1), CEES, AT),
                new ErrandStarted(ErrandId.of("e3"), WEST, BRAM, CEES, Money.eur("5.00"), Purpose.OTHER, DAY.plusDays(2), BRAM, AT));

        assertThat(activity.errandsOf(WEST, AMINA)).extracting(ErrandView::errandId)
                .containsExactly(ErrandId.of("e2"), ErrandId.of("e1"));
        assertThat(activity.errandsOf(WEST, AMINA).get(1).heldByHelper()).isEqualTo(Money.eur("50.00"));
        assertThat(activity.errandsOf(NORTH, AMINA)).isEmpty();
    }
}
