package nl.wederkerig.projections.trust;

import nl.wederkerig.core.advances.AdvanceCancelled;
import nl.wederkerig.core.advances.AdvanceDisputed;
import nl.wederkerig.core.advances.AdvanceForgiven;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.AdvanceReimbursed;
import nl.wederkerig.core.advances.DisputeReason;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.errands.ErrandChangeReturned;
import nl.wederkerig.core.errands.ErrandSpendingReported;
import nl.wederkerig.core.errands.ErrandStarted;
import nl.wederkerig.core.help.HelpConfirmed;
import nl.wederkerig.core.help.HelpDisputeReason;
import nl.wederkerig.core.help.HelpDisputed;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.HelpRecorded;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.projections.balances.AdvanceBalances;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TrustHistoriesTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final MemberId AMINA = MemberId.of("amina");
    static final MemberId BRAM = MemberId.of("bram");
    static final MemberId CEES = MemberId.of("cees");
    static final MemberId DIRK = MemberId.of("dirk");
    static final LocalDate DAY = LocalDate.parse("2026-10-01");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    GivenEvents balances;
    GivenEvents activity;
    TrustHistories histories;

    @BeforeEach
    void setUp() {
        JdbcTemplate jdbc = ReadModelDatabase.fresh();
        balances = GivenEvents.into(new AdvanceBalances(jdbc));
        activity = GivenEvents.into(new NeighbourActivity(jdbc));
        histories = new TrustHistories(jdbc);
    }

    void made(String id, MemberId lender, MemberId borrower, String amount, int day) {
        balances.given(new AdvanceMade(AdvanceId.of(id), WEST, lender, borrower, Money.eur(amount), Purpose.GROCERIES,
                DAY.plusDays(day), lender, AT));
    }

    void settled(String id, MemberId borrower, String amount, int day) {
        balances.given(new AdvanceReimbursed(AdvanceId.of(id), WEST, CommandId.of("r"), Money.eur(amount), Money.eur("0.00"),
                DAY.plusDays(day), borrower, AT));
    }

    @Test
    void countsGivenAndReceivedWithSettlementTimesForgivenessDisputesAndCancellations() {
        made("a1", AMINA, BRAM, "10.00", 0);
        settled("a1", BRAM, "10.00", 2);               // 2 days
        made("a2", AMINA, CEES, "20.00", 1);
        settled("a2", CEES, "20.00", 11);              // 10 days
        made("a3", AMINA, BRAM, "30.00", 3);
        settled("a3", BRAM, "30.00", 7);               // 4 days
        made("a4", AMINA, CEES, "5.00", 4);
        balances.given(new AdvanceForgiven(AdvanceId.of("a4"), WEST, CommandId.of("f"), Money.eur("5.00"), DAY.plusDays(20), AMINA, AT));
        made("a5", AMINA, DIRK, "7.00", 5);
        balances.given(new AdvanceDisputed(AdvanceId.of("a5"), WEST, CommandId.of("d"), DisputeReason.NOT_FOR_ME, DAY.plusDays(6), DIRK, AT));
        balances.given(new AdvanceCancelled(AdvanceId.of("a5"), WEST, CommandId.of("c"), Money.eur("7.00"), DAY.plusDays(8), AMINA, AT));
        made("b1", BRAM, AMINA, "3.50", 9);

        TrustHistory amina = histories.of(WEST, AMINA);

        assertThat(amina.given()).isEqualTo(new AdvanceSide(5, Money.eur("72.00"), 3, 4L, 10L, 1, Money.eur("5.00"), 1, 1));
        assertThat(amina.received()).isEqualTo(new AdvanceSide(1, Money.eur("3.50"), 0, null, null, 0, Money.eur("0.00"), 0, 0));
        assertThat(amina.distinctNeighbours()).isEqualTo(3);
        assertThat(amina.firstInteraction()).isEqualTo(DAY);
        assertThat(amina.lastInteraction()).isEqualTo(DAY.plusDays(20));
    }

    @Test
    void aPairHistoryCountsOnlyWhatPassedBetweenTheTwo() {
        made("a1", AMINA, BRAM, "10.00", 0);
        settled("a1", BRAM, "10.00", 2);
        made("a2", AMINA, CEES, "20.00", 1);
        made("b1", BRAM, AMINA, "3.50", 9);

        TrustHistory pair = histories.between(WEST, AMINA, BRAM);

        assertThat(pair.counterparty()).isEqualTo(BRAM);
        assertThat(pair.given().count()).isEqualTo(1);
        assertThat(pair.given().medianDaysToSettle()).isEqualTo(2L);
        assertThat(pair.received().total()).isEqualTo(Money.eur("3.50"));
        assertThat(pair.distinctNeighbours()).isEqualTo(1);
        assertThat(pair.firstInteraction()).isEqualTo(DAY);
        assertThat(pair.lastInteraction()).isEqualTo(DAY.plusDays(9));
    }

    @Test
    void aNewcomerHasAnEmptyHistory() {
        TrustHistory nobody = histories.of(WEST, DIRK);
        assertThat(nobody.given().count()).isZero();
        assertThat(nobody.distinctNeighbours()).isZero();
        assertThat(nobody.firstInteraction()).isNull();
    }

    @Test
    void countsErrandsAndHelpGivenAndReceivedLeavingDisputedHelpApart() {
        activity.given(
                new ErrandStarted(ErrandId.of("e1"), WEST, BRAM, AMINA, Money.eur("50.00"), Purpose.GROCERIES, DAY.plusDays(1), BRAM, AT),
                new ErrandStarted(ErrandId.of("e2"), WEST, CEES, AMINA, Money.eur("20.00"), Purpose.PHARMACY, DAY.plusDays(2), CEES, AT),
                new ErrandStarted(ErrandId.of("e3"), WEST, AMINA, DIRK, Money.eur("5.00"), Purpose.TRANSPORT, DAY.plusDays(3), AMINA, AT),
                new HelpRecorded(HelpId.of("h1"), WEST, AMINA, BRAM, Hours.ofMinutes(90), HelpKind.COMPANY, null, DAY.plusDays(4), AMINA, AT),
                new HelpRecorded(HelpId.of("h2"), WEST, AMINA, CEES, Hours.ofMinutes(20), HelpKind.COMPANY, null, DAY.plusDays(5), AMINA, AT),
                new HelpConfirmed(HelpId.of("h1"), WEST, CommandId.of("ok"), DAY.plusDays(6), BRAM, AT),
                new HelpDisputed(HelpId.of("h2"), WEST, CommandId.of("no"), HelpDisputeReason.values()[0], DAY.plusDays(6), CEES, AT),
                new HelpRecorded(HelpId.of("h3"), WEST, DIRK, AMINA, Hours.ofMinutes(45), HelpKind.COMPANY, null, DAY.plusDays(8), DIRK, AT),
                // e1 is finished (everything spent); e2 still has change to hand back: not done yet.
                spent("e1", BRAM, "50.00", "50.00", "0.00", DAY.plusDays(2)),
                spent("e2", CEES, "12.00", "12.00", "8.00", DAY.plusDays(3)));

        TrustHistory amina = histories.of(WEST, AMINA);

        assertThat(amina.helpAndErrands()).isEqualTo(new HelpAndErrands(1, 1, 90, 45, 1));
        assertThat(amina.distinctNeighbours()).isEqualTo(3);
        assertThat(amina.firstInteraction()).isEqualTo(DAY.plusDays(1));
        assertThat(amina.lastInteraction()).isEqualTo(DAY.plusDays(8));

        TrustHistory withBram = histories.between(WEST, AMINA, BRAM);
        assertThat(withBram.helpAndErrands()).isEqualTo(new HelpAndErrands(1, 0, 90, 0, 0));
        assertThat(withBram.distinctNeighbours()).isEqualTo(1);
        assertThat(histories.between(WEST, AMINA, CEES).helpAndErrands().helpDisputed()).isEqualTo(1);
        assertThat(histories.between(WEST, AMINA, CEES).helpAndErrands().errandsDone()).isZero();
    }

    static ErrandSpendingReported spent(String errand, MemberId asker, String spent, String settled, String change, LocalDate on) {
        return new ErrandSpendingReported(ErrandId.of(errand), WEST, CommandId.of("s-" + errand), asker, AMINA,
                Money.eur(spent), Money.eur(settled), Money.eur(change), ReceiptReference.of("bon-" + errand), on, AMINA, AT);
    }

    @Test
    void anErrandCountsAsDoneOnlyOnceItIsFinishedNotWhenAHelperIsNamed() {
        activity.given(new ErrandStarted(ErrandId.of("e1"), WEST, BRAM, AMINA, Money.eur("50.00"), Purpose.GROCERIES, DAY, BRAM, AT));
        assertThat(histories.of(WEST, AMINA).helpAndErrands().errandsDone()).isZero();
        assertThat(histories.of(WEST, BRAM).helpAndErrands().errandsAsked()).isEqualTo(1);

        activity.given(spent("e1", BRAM, "43.20", "43.20", "6.80", DAY));
        assertThat(histories.of(WEST, AMINA).helpAndErrands().errandsDone()).isZero();

        activity.given(new ErrandChangeReturned(ErrandId.of("e1"), WEST, CommandId.of("back"), BRAM, AMINA, Money.eur("6.80"),
                DAY.plusDays(1), AMINA, AT));
        assertThat(histories.of(WEST, AMINA).helpAndErrands().errandsDone()).isEqualTo(1);
    }

    @Test
    void helpMinutesLeaveTheHistoryWhileDisputedAndReturnWhenConfirmed() {
        activity.given(
                new HelpRecorded(HelpId.of("h1"), WEST, AMINA, BRAM, Hours.ofMinutes(90), HelpKind.COMPANY, null, DAY, AMINA, AT),
                new HelpDisputed(HelpId.of("h1"), WEST, CommandId.of("no"), HelpDisputeReason.HOURS_WRONG, DAY.plusDays(1), BRAM, AT));
        assertThat(histories.of(WEST, AMINA).helpAndErrands()).isEqualTo(new HelpAndErrands(0, 0, 0, 0, 1));

        activity.given(new HelpConfirmed(HelpId.of("h1"), WEST, CommandId.of("yes"), DAY.plusDays(2), BRAM, AT));
        assertThat(histories.of(WEST, AMINA).helpAndErrands()).isEqualTo(new HelpAndErrands(0, 0, 90, 0, 0));
        assertThat(histories.of(WEST, BRAM).helpAndErrands().helpReceivedMinutes()).isEqualTo(90);
    }
}
