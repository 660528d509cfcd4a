package nl.wederkerig.projections.balances;

import nl.wederkerig.core.advances.AdvanceAcknowledged;
import nl.wederkerig.core.advances.AdvanceCancelled;
import nl.wederkerig.core.advances.AdvanceForgiven;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.AdvanceReimbursed;
import nl.wederkerig.core.advances.AdvanceStatus;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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

    AdvanceBalances balances;
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        jdbc = ReadModelDatabase.fresh();
        balances = new AdvanceBalances(jdbc);
    }

    static AdvanceMade made(String id, MemberId lender, MemberId borrower, String amount, LocalDate on) {
        return new AdvanceMade(AdvanceId.of(id), WEST, lender, borrower, Money.eur(amount), Purpose.GROCERIES, on, lender, AT);
    }

    static AdvanceReimbursed reimbursed(String id, MemberId borrower, String amount, String after) {
        return new AdvanceReimbursed(AdvanceId.of(id), WEST, CommandId.of("r-" + amount.replace('.', '-')),
                Money.eur(amount), Money.eur(after), DAY.plusDays(3), borrower, AT);
    }

    @Test
    void nettsWhatANeighbourIsOwedAgainstWhatTheyOwe() {
        balances.on(made("a1", AMINA, BRAM, "50.00", DAY));
        balances.on(made("a2", CEES, AMINA, "12.30", DAY.plusDays(1)));
        balances.on(made("a3", AMINA, BRAM, "7.70", DAY.plusDays(2)));

        NeighbourBalance amina = balances.balanceOf(WEST, AMINA);

        assertThat(amina.owedToMe()).isEqualTo(Money.eur("57.70"));
        assertThat(amina.iOwe()).isEqualTo(Money.eur("12.30"));
        assertThat(amina.net()).isEqualTo(Money.eur("45.40"));
        assertThat(amina.pairs()).containsExactly(
                new PairBalance(BRAM, Money.eur("57.70"), DAY, List.of(AdvanceId.of("a1"), AdvanceId.of("a3"))),
                new PairBalance(CEES, Money.eur("-12.30"), DAY.plusDays(1), List.of(AdvanceId.of("a2"))));
        assertThat(balances.balanceOf(WEST, BRAM).net()).isEqualTo(Money.eur("-57.70"));
    }

    @Test
    void reimbursementsReduceAndFinallySettle() {
        balances.on(made("a1", AMINA, BRAM, "50.00", DAY));
        balances.on(new AdvanceAcknowledged(AdvanceId.of("a1"), WEST, CommandId.of("k"), DAY, BRAM, AT));
        balances.on(reimbursed("a1", BRAM, "20.00", "30.00"));
        assertThat(balances.balanceOf(WEST, AMINA).owedToMe()).isEqualTo(Money.eur("30.00"));

        balances.on(reimbursed("a1", BRAM, "30.00", "0.00"));

        AdvanceView advance = balances.advance(WEST, AdvanceId.of("a1")).orElseThrow();
        assertThat(advance.status()).isEqualTo(AdvanceStatus.SETTLED);
        assertThat(advance.outstanding()).isEqualTo(Money.eur("0.00"));
        assertThat(advance.closedOn()).isEqualTo(DAY.plusDays(3));
        assertThat(balances.balanceOf(WEST, AMINA).net()).isEqualTo(Money.eur("0.00"));
        assertThat(balances.balanceOf(WEST, AMINA).pairs()).isEmpty();
    }

    @Test
    void forgivenAndCancelledAdvancesOweNothing() {
        balances.on(made("a1", AMINA, BRAM, "50.00", DAY));
        balances.on(made("a2", AMINA, BRAM, "9.99", DAY));
        balances.on(reimbursed("a1", BRAM, "20.00", "30.00"));
        balances.on(new AdvanceForgiven(AdvanceId.of("a1"), WEST, CommandId.of("f"), Money.eur("30.00"), DAY, AMINA, AT));
        balances.on(new AdvanceCancelled(AdvanceId.of("a2"), WEST, CommandId.of("c"), Money.eur("9.99"), DAY, AMINA, AT));

        assertThat(balances.balanceOf(WEST, BRAM).iOwe()).isEqualTo(Money.eur("0.00"));
        assertThat(balances.advance(WEST, AdvanceId.of("a1")).orElseThrow().status()).isEqualTo(AdvanceStatus.FORGIVEN);
        assertThat(balances.advance(WEST, AdvanceId.of("a2")).orElseThrow().status()).isEqualTo(AdvanceStatus.CANCELLED);
    }

    @Test
    void keepsCommunitiesApart() {
        balances.on(made("a1", AMINA, BRAM, "50.00", DAY));
        assertThat(balances.balanceOf(NORTH, AMINA).owedToMe()).isEqualTo(Money.eur("0.00"));
        assertThat(balances.advance(NORTH, AdvanceId.of("a1"))).isEmpty();
    }

    @Test
    void refusesAReimbursementThatDisagreesWithTheRowInsteadOfBuildingOnIt() {
        balances.on(made("a1", AMINA, BRAM, "50.00", DAY));
        assertThatThrownBy(() -> balances.on(reimbursed("a1", BRAM, "20.00", "25.00")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(balances.balanceOf(WEST, AMINA).owedToMe()).isEqualTo(Money.eur("50.00"));
    }

    @Test
    void anEventForAnUnknownAdvanceStopsTheProjection() {
        assertThatThrownBy(() -> balances.on(new AdvanceAcknowledged(AdvanceId.of("nope"), WEST, CommandId.of("k"), DAY, BRAM, AT)))
                .isInstanceOf(IllegalStateException.class);
    }

    static AdvanceReimbursed reimbursedOn(String id, String commandId, String amount, String after, LocalDate on) {
        return new AdvanceReimbursed(AdvanceId.of(id), WEST, CommandId.of(commandId), Money.eur(amount), Money.eur(after), on, BRAM, AT);
    }

    @Test
    void answersAsOfAnyBusinessDateCuttingBetweenEvents() {
        balances.on(made("a1", AMINA, BRAM, "50.00", DAY));                                  // 2 Nov
        balances.on(reimbursedOn("a1", "r1", "20.00", "30.00", DAY.plusDays(5)));             // 7 Nov
        balances.on(made("a2", CEES, AMINA, "8.00", DAY.plusDays(6)));                        // 8 Nov
        balances.on(reimbursedOn("a1", "r2", "30.00", "0.00", DAY.plusDays(10)));             // 12 Nov

        assertThat(balances.balanceOf(WEST, AMINA, DAY.minusDays(1)).net()).isEqualTo(Money.eur("0.00"));
        assertThat(balances.balanceOf(WEST, AMINA, DAY).owedToMe()).isEqualTo(Money.eur("50.00"));
        assertThat(balances.balanceOf(WEST, AMINA, DAY.plusDays(4)).owedToMe()).isEqualTo(Money.eur("50.00"));
        assertThat(balances.balanceOf(WEST, AMINA, DAY.plusDays(5)).owedToMe()).isEqualTo(Money.eur("30.00"));
        NeighbourBalance eighth = balances.balanceOf(WEST, AMINA, DAY.plusDays(6));
        assertThat(eighth.net()).isEqualTo(Money.eur("22.00"));
        assertThat(eighth.pairs()).containsExactly(
                new PairBalance(BRAM, Money.eur("30.00"), DAY, List.of(AdvanceId.of("a1"))),
                new PairBalance(CEES, Money.eur("-8.00"), DAY.plusDays(6), List.of(AdvanceId.of("a2"))));
        assertThat(balances.balanceOf(WEST, AMINA, DAY.plusDays(10)).net()).isEqualTo(Money.eur("-8.00"));
        assertThat(balances.balanceOf(WEST, AMINA).net()).isEqualTo(Money.eur("-8.00"));
    }

    @Test
    void aBackDatedEntryRecordedLaterChangesTheAnswerForThePastDate() {
        balances.on(made("a1", AMINA, BRAM, "50.00", DAY));
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(3)).iOwe()).isEqualTo(Money.eur("50.00"));

        // Recorded today, but Bram paid on 4 Nov: as of 5 Nov he owed only 35.
        balances.on(reimbursedOn("a1", "late", "15.00", "35.00", DAY.plusDays(2)));

        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(1)).iOwe()).isEqualTo(Money.eur("50.00"));
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(3)).iOwe()).isEqualTo(Money.eur("35.00"));
    }

    @Test
    void forgivenAndCancelledAmountsLeaveTheBalanceFromTheirDateOn() {
        balances.on(made("a1", AMINA, BRAM, "50.00", DAY));
        balances.on(made("a2", AMINA, BRAM, "5.00", DAY));
        balances.on(new AdvanceForgiven(AdvanceId.of("a1"), WEST, CommandId.of("f"), Money.eur("50.00"), DAY.plusDays(7), AMINA, AT));
        balances.on(new AdvanceCancelled(AdvanceId.of("a2"), WEST, CommandId.of("c"), Money.eur("5.00"), DAY.plusDays(3), AMINA, AT));

        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(2)).iOwe()).isEqualTo(Money.eur("55.00"));
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(3)).iOwe()).isEqualTo(Money.eur("50.00"));
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(7)).iOwe()).isEqualTo(Money.eur("0.00"));
    }

    @Test
    void anAdvanceOpenedFromAnErrandsOverspendIsOwedAndReimbursedLikeAnyOther() {
        balances.on(new nl.wederkerig.core.advances.ErrandAdvanceOpened(AdvanceId.of("errand-adv"), WEST,
                nl.wederkerig.core.shared.ErrandId.of("errand-1"), AMINA, BRAM, Money.eur("4.30"), DAY, AMINA, AT));
        assertThat(balances.balanceOf(WEST, BRAM).iOwe()).isEqualTo(Money.eur("4.30"));

        balances.on(reimbursed("errand-adv", BRAM, "4.30", "0.00"));

        assertThat(balances.advance(WEST, AdvanceId.of("errand-adv")).orElseThrow().status()).isEqualTo(AdvanceStatus.SETTLED);
        assertThat(balances.balanceOf(WEST, BRAM).iOwe()).isEqualTo(Money.eur("0.00"));
    }

    @Test
    void aReversedReimbursementIsOwedAgainFromTheReversalsDate() {
        balances.on(made("a1", AMINA, BRAM, "50.00", DAY));
        balances.on(reimbursedOn("a1", "r1", "20.00", "30.00", DAY.plusDays(2)));
        balances.on(new nl.wederkerig.core.advances.ReimbursementReversed(AdvanceId.of("a1"), WEST, CommandId.of("undo"),
                CommandId.of("r1"), Money.eur("20.00"), Money.eur("50.00"),
                nl.wederkerig.core.corrections.ReversalReason.values()[0], DAY.plusDays(5), AMINA, AT));

        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(3)).iOwe()).isEqualTo(Money.eur("30.00"));
        assertThat(balances.balanceOf(WEST, BRAM, DAY.plusDays(5)).iOwe()).isEqualTo(Money.eur("50.00"));
        assertThat(balances.advance(WEST, AdvanceId.of("a1")).orElseThrow().outstanding()).isEqualTo(Money.eur("50.00"));
    }

    @Test
    void showsHelpInHoursBesideTheMoneyAsOfADateWithoutDisputedHelp() {
        var activity = nl.wederkerig.projections.support.GivenEvents.into(new nl.wederkerig.projections.trust.NeighbourActivity(jdbc));
        activity.given(
                new nl.wederkerig.core.help.HelpRecorded(nl.wederkerig.core.help.HelpId.of("h1"), WEST, AMINA, BRAM,
                        nl.wederkerig.core.shared.Hours.ofMinutes(90), nl.wederkerig.core.help.HelpKind.COMPANY, null, DAY, AMINA, AT),
                new nl.wederkerig.core.help.HelpRecorded(nl.wederkerig.core.help.HelpId.of("h2"), WEST, BRAM, AMINA,
                        nl.wederkerig.core.shared.Hours.ofMinutes(20), nl.wederkerig.core.help.HelpKind.COMPANY, null, DAY.plusDays(4), BRAM, AT),
                new nl.wederkerig.core.help.HelpRecorded(nl.wederkerig.core.help.HelpId.of("h3"), WEST, AMINA, CEES,
                        nl.wederkerig.core.shared.Hours.ofMinutes(60), nl.wederkerig.core.help.HelpKind.COMPANY, null, DAY, AMINA, AT),
                new nl.wederkerig.core.help.HelpDisputed(nl.wederkerig.core.help.HelpId.of("h3"), WEST, CommandId.of("no"),
                        nl.wederkerig.core.help.HelpDisputeReason.DID_NOT_HAPPEN, DAY.plusDays(1), CEES, AT));

        assertThat(balances.balanceOf(WEST, AMINA).hours()).isEqualTo(new HoursBalance(90, 20, 70));
        assertThat(balances.balanceOf(WEST, AMINA, DAY.plusDays(3)).hours()).isEqualTo(new HoursBalance(90, 0, 90));
        assertThat(balances.balanceOf(WEST, BRAM).hours()).isEqualTo(new HoursBalance(20, 90, -70));
    }
}
