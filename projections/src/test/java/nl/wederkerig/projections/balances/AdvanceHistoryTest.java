package nl.wederkerig.projections.balances;

import nl.wederkerig.core.advances.AdvanceCancelled;
import nl.wederkerig.core.advances.AdvanceDisputed;
import nl.wederkerig.core.advances.AdvanceForgiven;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.AdvanceReimbursed;
import nl.wederkerig.core.advances.DisputeReason;
import nl.wederkerig.core.advances.ErrandAdvanceOpened;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimbursementConfirmed;
import nl.wederkerig.core.advances.ReimbursementReversed;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.errands.ErrandOverspent;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.balances.AdvanceStep.Kind;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static nl.wederkerig.projections.balances.AdvanceBalancesTest.AMINA;
import static nl.wederkerig.projections.balances.AdvanceBalancesTest.AT;
import static nl.wederkerig.projections.balances.AdvanceBalancesTest.BRAM;
import static nl.wederkerig.projections.balances.AdvanceBalancesTest.CEES;
import static nl.wederkerig.projections.balances.AdvanceBalancesTest.DAY;
import static nl.wederkerig.projections.balances.AdvanceBalancesTest.NORTH;
import static nl.wederkerig.projections.balances.AdvanceBalancesTest.WEST;
import static nl.wederkerig.projections.balances.AdvanceBalancesTest.acknowledged;
import static nl.wederkerig.projections.balances.AdvanceBalancesTest.made;
import static nl.wederkerig.projections.balances.AdvanceBalancesTest.reimbursedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The step-by-step history of one advance, and what waits for a neighbour ("Voor jou"), from given events. */
class AdvanceHistoryTest {

    AdvanceBalances balances;
    GivenEvents given;

    @BeforeEach
    void setUp() {
        balances = new AdvanceBalances(ReadModelDatabase.fresh());
        given = GivenEvents.into(balances);
    }

    static AdvanceStep step(int number, String id, Kind kind, int day, String amount, String after, String detail, MemberId actor) {
        return new AdvanceStep(number, id, kind, DAY.plusDays(day), Money.eur(amount), Money.eur(after), detail, actor);
    }

    @Test
    void everyStepKeepsTheAmountsAsTheyWereThen() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY),
                new AdvanceDisputed(AdvanceId.of("a1"), WEST, CommandId.of("d1"), DisputeReason.AMOUNT_WRONG, DAY.plusDays(1), BRAM, AT),
                acknowledged("a1", DAY.plusDays(2)),
                reimbursedOn("a1", "r1", "20.00", "30.00", DAY.plusDays(3)),
                new ReimbursementConfirmed(AdvanceId.of("a1"), WEST, CommandId.of("ok-r1"), CommandId.of("r1"), DAY.plusDays(4), AMINA, AT),
                reimbursedOn("a1", "r2", "5.00", "25.00", DAY.plusDays(5)),
                new ReimbursementReversed(AdvanceId.of("a1"), WEST, CommandId.of("undo-r2"), CommandId.of("r2"), Money.eur("5.00"),
                        Money.eur("30.00"), ReversalReason.ENTERED_IN_ERROR, DAY.plusDays(6), BRAM, AT),
                new AdvanceForgiven(AdvanceId.of("a1"), WEST, CommandId.of("f1"), Money.eur("30.00"), DAY.plusDays(7), AMINA, AT));

        assertThat(balances.steps(WEST, AdvanceId.of("a1"))).containsExactly(
                step(1, "made", Kind.MADE, 0, "50.00", "50.00", "GROCERIES", AMINA),
                step(2, "d1", Kind.DISPUTED, 1, "0.00", "50.00", "AMOUNT_WRONG", BRAM),
                step(3, "k-a1", Kind.ACKNOWLEDGED, 2, "0.00", "50.00", null, BRAM),
                step(4, "r1", Kind.REIMBURSED, 3, "20.00", "30.00", null, BRAM),
                step(5, "ok-r1", Kind.CONFIRMED, 4, "20.00", "30.00", "r1", AMINA),
                step(6, "r2", Kind.REIMBURSED, 5, "5.00", "25.00", null, BRAM),
                step(7, "undo-r2", Kind.REVERSED, 6, "5.00", "30.00", "ENTERED_IN_ERROR", BRAM),
                step(8, "f1", Kind.FORGIVEN, 7, "30.00", "0.00", null, AMINA));
        assertThat(balances.steps(NORTH, AdvanceId.of("a1"))).as("another community's advance").isEmpty();
    }

    @Test
    void anOverspentErrandAndACancellationAreStepsToo() {
        ErrandId errand = ErrandId.of("e1");
        given.given(new ErrandOverspent(errand, WEST, AdvanceId.of("e1-over"), BRAM, AMINA, Money.eur("3.10"), DAY, BRAM, AT),
                new ErrandAdvanceOpened(AdvanceId.of("e1-over"), WEST, errand, BRAM, AMINA, Money.eur("3.10"), DAY, BRAM, AT),
                made("a2", AMINA, CEES, "8.00", DAY),
                new AdvanceCancelled(AdvanceId.of("a2"), WEST, CommandId.of("c2"), Money.eur("8.00"), DAY.plusDays(1), AMINA, AT));

        assertThat(balances.steps(WEST, AdvanceId.of("e1-over"))).containsExactly(
                step(1, "made", Kind.MADE_FROM_ERRAND, 0, "3.10", "3.10", "e1", BRAM));
        assertThat(balances.steps(WEST, AdvanceId.of("a2"))).containsExactly(
                step(1, "made", Kind.MADE, 0, "8.00", "8.00", "GROCERIES", AMINA),
                step(2, "c2", Kind.CANCELLED, 1, "8.00", "0.00", null, AMINA));
    }

    @Test
    void waitingForTheBorrowerToAcknowledgeAndForTheLenderToConfirm() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY), made("a2", CEES, BRAM, "7.00", DAY.plusDays(1)),
                made("a3", BRAM, AMINA, "4.00", DAY));

        assertThat(balances.waitingFor(WEST, BRAM)).containsExactly(
                new AdvanceWaiting(AdvanceId.of("a1"), null, AMINA, Money.eur("50.00"), DAY, null),
                new AdvanceWaiting(AdvanceId.of("a2"), null, CEES, Money.eur("7.00"), DAY.plusDays(1), null));

        given.given(acknowledged("a1", DAY.plusDays(1)), reimbursedOn("a1", "r9", "20.00", "30.00", DAY.plusDays(2)),
                reimbursedOn("a1", "r2", "10.00", "20.00", DAY.plusDays(2)),
                reimbursedOn("a1", "r1", "20.00", "0.00", DAY.plusDays(3)),
                new ReimbursementConfirmed(AdvanceId.of("a1"), WEST, CommandId.of("ok-r1"), CommandId.of("r1"), DAY.plusDays(4), AMINA, AT));

        assertThat(balances.waitingFor(WEST, BRAM)).extracting(AdvanceWaiting::advanceId).containsExactly(AdvanceId.of("a2"));
        assertThat(balances.waitingFor(WEST, AMINA)).containsExactly(
                new AdvanceWaiting(AdvanceId.of("a3"), null, BRAM, Money.eur("4.00"), DAY, null),
                // Paid the same day: in the order paid, not by id.
                new AdvanceWaiting(AdvanceId.of("a1"), CommandId.of("r9"), BRAM, Money.eur("20.00"), DAY.plusDays(2), null),
                new AdvanceWaiting(AdvanceId.of("a1"), CommandId.of("r2"), BRAM, Money.eur("10.00"), DAY.plusDays(2), null));
        assertThat(balances.waitingFor(NORTH, AMINA)).isEmpty();
    }

    @Test
    void whatWaitsSaysWhoRecordedItOnTheOthersBehalf() {
        // Cees made a1 for Amina (as her helper or the coordinator); Cees also recorded Bram's payment r5 of a1.
        given.given(new AdvanceMade(AdvanceId.of("a1"), WEST, AMINA, BRAM, Money.eur("50.00"),
                        Purpose.GROCERIES, DAY, CEES, AT),
                made("a2", AMINA, BRAM, "7.00", DAY.plusDays(1)));

        assertThat(balances.waitingFor(WEST, BRAM)).extracting(AdvanceWaiting::recordedBy).containsExactly(CEES, null);

        given.given(acknowledged("a1", DAY.plusDays(1)),
                new AdvanceReimbursed(AdvanceId.of("a1"), WEST, CommandId.of("r5"), Money.eur("5.00"),
                        Money.eur("45.00"), DAY.plusDays(2), CEES, AT),
                reimbursedOn("a1", "r6", "5.00", "40.00", DAY.plusDays(3)));

        assertThat(balances.waitingFor(WEST, AMINA)).extracting(AdvanceWaiting::reimbursementId, AdvanceWaiting::recordedBy)
                .containsExactly(tuple(CommandId.of("r5"), CEES),
                        tuple(CommandId.of("r6"), null));
    }

    @Test
    void aNeighboursAdvancesBothWaysNewestFirst() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY), made("a2", CEES, AMINA, "7.00", DAY.plusDays(2)),
                made("a3", BRAM, CEES, "4.00", DAY.plusDays(1)));

        assertThat(balances.advancesOf(WEST, AMINA)).extracting(AdvanceView::advanceId)
                .containsExactly(AdvanceId.of("a2"), AdvanceId.of("a1"));
        assertThat(balances.advancesOf(NORTH, AMINA)).isEmpty();
    }
}
