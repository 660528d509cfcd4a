package nl.wederkerig.projections.balances;

import nl.wederkerig.core.advances.AdvanceAcknowledged;
import nl.wederkerig.core.advances.AdvanceCancelled;
import nl.wederkerig.core.advances.AdvanceDisputed;
import nl.wederkerig.core.advances.AdvanceForgiven;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.AdvanceReimbursed;
import nl.wederkerig.core.advances.AdvanceStatus;
import nl.wederkerig.core.advances.DisputeReason;
import nl.wederkerig.core.advances.ErrandAdvanceOpened;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.advances.ReimbursementConfirmed;
import nl.wederkerig.core.advances.ReimbursementReversed;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.errands.ErrandOverspent;
import nl.wederkerig.core.help.HelpConfirmed;
import nl.wederkerig.core.help.HelpDisputeReason;
import nl.wederkerig.core.help.HelpDisputed;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.HelpRecorded;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import nl.wederkerig.projections.trust.NeighbourActivity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdvanceBalancesTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final CommunityId NORTH = CommunityId.of("rotterdam-noord");
    static final MemberId AMINA = MemberId.of("amina");
    static final MemberId BRAM = MemberId.of("bram");
    static final MemberId CEES = MemberId.of("cees");
    static final LocalDate DAY = LocalDate.parse("2026-11-02");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    static final Money ZERO = Money.eur("0.00");

    AdvanceBalances balances;
    GivenEvents given;
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        jdbc = ReadModelDatabase.fresh();
        balances = new AdvanceBalances(jdbc);
        given = GivenEvents.into(balances);
    }

    static AdvanceMade made(String id, MemberId lender, MemberId borrower, String amount, LocalDate on) {
        return new AdvanceMade(AdvanceId.of(id), WEST, lender, borrower, Money.eur(amount), Purpose.GROCERIES, on, lender, AT);
    }

    static AdvanceReimbursed reimbursed(String id, MemberId borrower, String amount, String after) {
        return new AdvanceReimbursed(AdvanceId.of(id), WEST, CommandId.of("r-" + amount.replace('.', '-')),
                Money.eur(amount), Money.eur(after), DAY.plusDays(3), borrower, AT);
    }

    static AdvanceReimbursed reimbursedOn(String id, String commandId, String amount, String after, LocalDate on) {
        return new AdvanceReimbursed(AdvanceId.of(id), WEST, CommandId.of(commandId), Money.eur(amount), Money.eur(after), on, BRAM, AT);
    }

    static AdvanceDisputed disputed(String id, LocalDate on) {
        return new AdvanceDisputed(AdvanceId.of(id), WEST, CommandId.of("d-" + id), DisputeReason.AMOUNT_WRONG, on, BRAM, AT);
    }

    static AdvanceAcknowledged acknowledged(String id, LocalDate on) {
        return new AdvanceAcknowledged(AdvanceId.of(id), WEST, CommandId.of("k-" + id), on, BRAM, AT);
    }

    static PairBalance pair(MemberId counterparty, String net, String disputed, LocalDate since, String... advances) {
        return new PairBalance(counterparty, Money.eur(net), Money.eur(disputed), since,
                java.util.Arrays.stream(advances).map(AdvanceId::of).toList());
    }

    @Test
    void nettsWhatANeighbourIsOwedAgainstWhatTheyOwe() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY), made("a2", CEES, AMINA, "12.30", DAY.plusDays(1)),
                made("a3", AMINA, BRAM, "7.70", DAY.plusDays(2)));

        NeighbourBalance amina = balances.balanceOf(WEST, AMINA);

        assertThat(amina.owedToMe()).isEqualTo(Money.eur("57.70"));
        assertThat(amina.iOwe()).isEqualTo(Money.eur("12.30"));
        assertThat(amina.net()).isEqualTo(Money.eur("45.40"));
        assertThat(amina.disputedOwedToMe()).isEqualTo(ZERO);
        assertThat(amina.disputedIOwe()).isEqualTo(ZERO);
        assertThat(amina.pairs()).containsExactly(
                pair(BRAM, "57.70", "0.00", DAY, "a1", "a3"),
                pair(CEES, "-12.30", "0.00", DAY.plusDays(1), "a2"));
        assertThat(balances.balanceOf(WEST, BRAM).net()).isEqualTo(Money.eur("-57.70"));
    }

    @Test
    void reimbursementsReduceAndFinallySettle() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY), acknowledged("a1", DAY), reimbursed("a1", BRAM, "20.00", "30.00"));
        assertThat(balances.balanceOf(WEST, AMINA).owedToMe()).isEqualTo(Money.eur("30.00"));

        given.given(reimbursed("a1", BRAM, "30.00", "0.00"));

        AdvanceView advance = balances.advance(WEST, AdvanceId.of("a1")).orElseThrow();
        assertThat(advance.status()).isEqualTo(AdvanceStatus.SETTLED);
        assertThat(advance.outstanding()).isEqualTo(Money.eur("0.00"));
        assertThat(advance.closedOn()).isEqualTo(DAY.plusDays(3));
        assertThat(advance.errandId()).isNull();
        assertThat(balances.balanceOf(WEST, AMINA).net()).isEqualTo(Money.eur("0.00"));
        assertThat(balances.balanceOf(WEST, AMINA).pairs()).isEmpty();
    }

    @Test
    void theAdvanceListsEveryReimbursementWithTheLendersConfirmationAndAnyReversal() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY),
                reimbursedOn("a1", "r1", "20.00", "30.00", DAY.plusDays(1)),
                reimbursedOn("a1", "r2", "5.00", "25.00", DAY.plusDays(2)),
                new ReimbursementConfirmed(AdvanceId.of("a1"), WEST, CommandId.of("ok-r1"), CommandId.of("r1"), DAY.plusDays(4), AMINA, AT),
                new ReimbursementReversed(AdvanceId.of("a1"), WEST, CommandId.of("undo-r2"), CommandId.of("r2"), Money.eur("5.00"),
                        Money.eur("30.00"), ReversalReason.ENTERED_IN_ERROR, DAY.plusDays(5), BRAM, AT),
                reimbursedOn("a1", "r3", "30.00", "0.00", DAY.plusDays(6)));

        assertThat(balances.advance(WEST, AdvanceId.of("a1")).orElseThrow().reimbursements()).containsExactly(
                new ReimbursementView(CommandId.of("r1"), Money.eur("20.00"), DAY.plusDays(1), DAY.plusDays(4), null),
                new ReimbursementView(CommandId.of("r2"), Money.eur("5.00"), DAY.plusDays(2), null, DAY.plusDays(5)),
                new ReimbursementView(CommandId.of("r3"), Money.eur("30.00"), DAY.plusDays(6), null, null));
        assertThat(balances.advance(WEST, AdvanceId.of("a1")).orElseThrow().reimbursements())
                .extracting(ReimbursementView::receiptConfirmed).containsExactly(true, false, false);
    }

    @Test
    void aConfirmationOfAReimbursementTheReadModelNeverSawStopsIt() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY));
        assertThatThrownBy(() -> given.given(new ReimbursementConfirmed(AdvanceId.of("a1"), WEST, CommandId.of("ok"),
                CommandId.of("never"), DAY, AMINA, AT))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDisputedAdvanceIsShownApartFromWhatIsOwedOnBothSidesAndPerPair() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY), made("a2", AMINA, BRAM, "8.00", DAY),
                disputed("a2", DAY.plusDays(1)));

        NeighbourBalance amina = balances.balanceOf(WEST, AMINA);
        assertThat(amina.owedToMe()).isEqualTo(Money.eur("50.00"));
        assertThat(amina.disputedOwedToMe()).isEqualTo(Money.eur("8.00"));
        assertThat(amina.net()).isEqualTo(Money.eur("50.00"));
        assertThat(amina.pairs()).containsExactly(pair(BRAM, "50.00", "8.00", DAY, "a1", "a2"));

        NeighbourBalance bram = balances.balanceOf(WEST, BRAM);
        assertThat(bram.iOwe()).isEqualTo(Money.eur("50.00"));
        assertThat(bram.disputedIOwe()).isEqualTo(Money.eur("8.00"));
        assertThat(bram.pairs()).containsExactly(pair(AMINA, "-50.00", "-8.00", DAY, "a1", "a2"));
    }

    @Test
    void aDisputeCountsFromItsDateUntilTheBorrowerAcknowledgesTheAdvance() {
        given.given(made("a1", AMINA, BRAM, "8.00", DAY), disputed("a1", DAY.plusDays(2)), acknowledged("a1", DAY.plusDays(5)));

        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(1)).iOwe()).isEqualTo(Money.eur("8.00"));
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(2)).iOwe()).isEqualTo(ZERO);
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(2)).disputedIOwe()).isEqualTo(Money.eur("8.00"));
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(4)).disputedIOwe()).isEqualTo(Money.eur("8.00"));
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(5)).disputedIOwe()).isEqualTo(ZERO);
        assertThat(balances.balanceOf(WEST, BRAM).iOwe()).isEqualTo(Money.eur("8.00"));
        assertThat(balances.advance(WEST, AdvanceId.of("a1")).orElseThrow().status()).isEqualTo(AdvanceStatus.ACKNOWLEDGED);
    }

    @Test
    void aDisputedAdvanceThatIsCancelledOrForgivenIsNeitherOwedNorDisputedAnyMore() {
        given.given(made("a1", AMINA, BRAM, "8.00", DAY), disputed("a1", DAY),
                new AdvanceCancelled(AdvanceId.of("a1"), WEST, CommandId.of("c"), Money.eur("8.00"), DAY.plusDays(1), AMINA, AT),
                made("a2", AMINA, BRAM, "3.00", DAY), disputed("a2", DAY),
                new AdvanceForgiven(AdvanceId.of("a2"), WEST, CommandId.of("f"), Money.eur("3.00"), DAY.plusDays(1), AMINA, AT));

        assertThat(balances.balanceOf(WEST, AMINA, DAY).disputedOwedToMe()).isEqualTo(Money.eur("11.00"));
        NeighbourBalance after = balances.balanceOf(WEST, AMINA);
        assertThat(after.disputedOwedToMe()).isEqualTo(ZERO);
        assertThat(after.owedToMe()).isEqualTo(ZERO);
        assertThat(after.pairs()).isEmpty();
    }

    @Test
    void forgivenAndCancelledAdvancesOweNothing() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY), made("a2", AMINA, BRAM, "9.99", DAY),
                reimbursed("a1", BRAM, "20.00", "30.00"),
                new AdvanceForgiven(AdvanceId.of("a1"), WEST, CommandId.of("f"), Money.eur("30.00"), DAY, AMINA, AT),
                new AdvanceCancelled(AdvanceId.of("a2"), WEST, CommandId.of("c"), Money.eur("9.99"), DAY, AMINA, AT));

        assertThat(balances.balanceOf(WEST, BRAM).iOwe()).isEqualTo(Money.eur("0.00"));
        assertThat(balances.advance(WEST, AdvanceId.of("a1")).orElseThrow().status()).isEqualTo(AdvanceStatus.FORGIVEN);
        assertThat(balances.advance(WEST, AdvanceId.of("a2")).orElseThrow().status()).isEqualTo(AdvanceStatus.CANCELLED);
    }

    @Test
    void keepsCommunitiesApart() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY));
        assertThat(balances.balanceOf(NORTH, AMINA).owedToMe()).isEqualTo(Money.eur("0.00"));
        assertThat(balances.advance(NORTH, AdvanceId.of("a1"))).isEmpty();
    }

    @Test
    void refusesAReimbursementThatDisagreesWithTheRowInsteadOfBuildingOnIt() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY));
        assertThatThrownBy(() -> given.given(reimbursed("a1", BRAM, "20.00", "25.00")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(balances.balanceOf(WEST, AMINA).owedToMe()).isEqualTo(Money.eur("50.00"));
    }

    @Test
    void anEventForAnUnknownAdvanceStopsTheProjection() {
        assertThatThrownBy(() -> given.given(acknowledged("nope", DAY))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void answersAsOfAnyBusinessDateCuttingBetweenEvents() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY),                                  // 2 Nov
                reimbursedOn("a1", "r1", "20.00", "30.00", DAY.plusDays(5)),                  // 7 Nov
                made("a2", CEES, AMINA, "8.00", DAY.plusDays(6)),                             // 8 Nov
                reimbursedOn("a1", "r2", "30.00", "0.00", DAY.plusDays(10)));                 // 12 Nov

        assertThat(balances.balanceOf(WEST, AMINA, DAY.minusDays(1)).net()).isEqualTo(Money.eur("0.00"));
        assertThat(balances.balanceOf(WEST, AMINA, DAY).owedToMe()).isEqualTo(Money.eur("50.00"));
        assertThat(balances.balanceOf(WEST, AMINA, DAY.plusDays(4)).owedToMe()).isEqualTo(Money.eur("50.00"));
        assertThat(balances.balanceOf(WEST, AMINA, DAY.plusDays(5)).owedToMe()).isEqualTo(Money.eur("30.00"));
        NeighbourBalance eighth = balances.balanceOf(WEST, AMINA, DAY.plusDays(6));
        assertThat(eighth.net()).isEqualTo(Money.eur("22.00"));
        assertThat(eighth.pairs()).containsExactly(
                pair(BRAM, "30.00", "0.00", DAY, "a1"),
                pair(CEES, "-8.00", "0.00", DAY.plusDays(6), "a2"));
        assertThat(balances.balanceOf(WEST, AMINA, DAY.plusDays(10)).net()).isEqualTo(Money.eur("-8.00"));
        assertThat(balances.balanceOf(WEST, AMINA).net()).isEqualTo(Money.eur("-8.00"));
    }

    @Test
    void aBackDatedEntryRecordedLaterChangesTheAnswerForThePastDate() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY));
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(3)).iOwe()).isEqualTo(Money.eur("50.00"));

        // Recorded today, but Bram paid on 4 Nov: as of 5 Nov he owed only 35.
        given.given(reimbursedOn("a1", "late", "15.00", "35.00", DAY.plusDays(2)));

        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(1)).iOwe()).isEqualTo(Money.eur("50.00"));
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(3)).iOwe()).isEqualTo(Money.eur("35.00"));
    }

    @Test
    void forgivenAndCancelledAmountsLeaveTheBalanceFromTheirDateOn() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY), made("a2", AMINA, BRAM, "5.00", DAY),
                new AdvanceForgiven(AdvanceId.of("a1"), WEST, CommandId.of("f"), Money.eur("50.00"), DAY.plusDays(7), AMINA, AT),
                new AdvanceCancelled(AdvanceId.of("a2"), WEST, CommandId.of("c"), Money.eur("5.00"), DAY.plusDays(3), AMINA, AT));

        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(2)).iOwe()).isEqualTo(Money.eur("55.00"));
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(3)).iOwe()).isEqualTo(Money.eur("50.00"));
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(7)).iOwe()).isEqualTo(Money.eur("0.00"));
    }

    @Test
    void anErrandsOverspendIsOwedFromItsReportNamesItsErrandAndIsPaidBackLikeAnyAdvance() {
        given.given(new ErrandOverspent(ErrandId.of("errand-1"), WEST, AdvanceId.of("errand-adv"), AMINA, BRAM, Money.eur("4.30"),
                DAY, AMINA, AT));
        // Owed from the report on, as the journal books it, before the advance is opened for its steps.
        assertThat(balances.balanceOf(WEST, BRAM).iOwe()).isEqualTo(Money.eur("4.30"));
        assertThat(balances.advance(WEST, AdvanceId.of("errand-adv")).orElseThrow().errandId()).isEqualTo(ErrandId.of("errand-1"));

        given.given(new ErrandAdvanceOpened(AdvanceId.of("errand-adv"), WEST, ErrandId.of("errand-1"), AMINA, BRAM,
                Money.eur("4.30"), DAY, AMINA, AT), reimbursed("errand-adv", BRAM, "4.30", "0.00"));

        assertThat(balances.advance(WEST, AdvanceId.of("errand-adv")).orElseThrow().status()).isEqualTo(AdvanceStatus.SETTLED);
        assertThat(balances.balanceOf(WEST, BRAM).iOwe()).isEqualTo(Money.eur("0.00"));
    }

    @Test
    void anErrandAdvanceThatDisagreesWithItsOverspendStopsTheReadModel() {
        given.given(new ErrandOverspent(ErrandId.of("errand-1"), WEST, AdvanceId.of("errand-adv"), AMINA, BRAM, Money.eur("4.30"),
                DAY, AMINA, AT));
        assertThatThrownBy(() -> given.given(new ErrandAdvanceOpened(AdvanceId.of("errand-adv"), WEST, ErrandId.of("errand-1"),
                AMINA, BRAM, Money.eur("4.31"), DAY, AMINA, AT))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReversedReimbursementIsOwedAgainFromTheReversalsDate() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY), reimbursedOn("a1", "r1", "20.00", "30.00", DAY.plusDays(2)),
                new ReimbursementReversed(AdvanceId.of("a1"), WEST, CommandId.of("undo"), CommandId.of("r1"), Money.eur("20.00"),
                        Money.eur("50.00"), ReversalReason.ENTERED_IN_ERROR, DAY.plusDays(5), AMINA, AT));

        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(3)).iOwe()).isEqualTo(Money.eur("30.00"));
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(5)).iOwe()).isEqualTo(Money.eur("50.00"));
        assertThat(balances.advance(WEST, AdvanceId.of("a1")).orElseThrow().outstanding()).isEqualTo(Money.eur("50.00"));
    }

    static HelpRecorded help(String id, MemberId helper, MemberId receiver, long minutes, LocalDate on) {
        return new HelpRecorded(HelpId.of(id), WEST, helper, receiver, Hours.ofMinutes(minutes), HelpKind.COMPANY, null, on, helper, AT);
    }

    @Test
    void showsHelpInHoursBesideTheMoneyAsOfADateWithoutDisputedHelp() {
        GivenEvents.into(new NeighbourActivity(jdbc)).given(
                help("h1", AMINA, BRAM, 90, DAY), help("h2", BRAM, AMINA, 20, DAY.plusDays(4)), help("h3", AMINA, CEES, 60, DAY),
                new HelpDisputed(HelpId.of("h3"), WEST, CommandId.of("no"), HelpDisputeReason.DID_NOT_HAPPEN, DAY.plusDays(1), CEES, AT));

        assertThat(balances.balanceOf(WEST, AMINA).hours()).isEqualTo(new HoursBalance(90, 20, 70));
        assertThat(balances.balanceOf(WEST, AMINA, DAY.plusDays(3)).hours()).isEqualTo(new HoursBalance(90, 0, 90));
        assertThat(balances.balanceOf(WEST, BRAM).hours()).isEqualTo(new HoursBalance(20, 90, -70));
    }

    @Test
    void disputedHelpLeavesTheHoursFromTheDisputesDateAndReturnsWhenConfirmed() {
        GivenEvents.into(new NeighbourActivity(jdbc)).given(help("h1", AMINA, BRAM, 90, DAY),
                new HelpDisputed(HelpId.of("h1"), WEST, CommandId.of("no"), HelpDisputeReason.HOURS_WRONG, DAY.plusDays(2), BRAM, AT),
                new HelpConfirmed(HelpId.of("h1"), WEST, CommandId.of("yes"), DAY.plusDays(5), BRAM, AT));

        // As the journal books it: counted until the dispute, off until the confirmation, counted again after.
        assertThat(balances.balanceOf(WEST, AMINA, DAY.plusDays(1)).hours().givenMinutes()).isEqualTo(90);
        assertThat(balances.balanceOf(WEST, AMINA, DAY.plusDays(3)).hours().givenMinutes()).isZero();
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(3)).hours().receivedMinutes()).isZero();
        assertThat(balances.balanceOf(WEST, AMINA).hours().givenMinutes()).isEqualTo(90);
    }

    @Test
    void aResetEmptiesItsTablesForAReplay() {
        given.given(made("a1", AMINA, BRAM, "50.00", DAY), reimbursedOn("a1", "r1", "20.00", "30.00", DAY));
        AdvanceBalances.READ_MODEL.clear(jdbc);
        assertThat(balances.advance(WEST, AdvanceId.of("a1"))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM advance_reimbursement", Integer.class)).isZero();
    }

    /** Issue 12, flow 10: an advance made on the lender's behalf names who typed it; one the lender made names nobody. */
    @Test
    void anAdvanceMadeOnTheLendersBehalfKeepsWhoRecordedIt() {
        given.given(made("a1", AMINA, BRAM, "20.00", DAY),
                new AdvanceMade(AdvanceId.of("a2"), WEST, AMINA, BRAM, Money.eur("20.00"), Purpose.GROCERIES, DAY, CEES, AT));
        assertThat(balances.advance(WEST, AdvanceId.of("a1")).orElseThrow().recordedBy()).isNull();
        AdvanceView onBehalf = balances.advance(WEST, AdvanceId.of("a2")).orElseThrow();
        assertThat(onBehalf.lender()).isEqualTo(AMINA);
        assertThat(onBehalf.recordedBy()).isEqualTo(CEES);
    }
}
