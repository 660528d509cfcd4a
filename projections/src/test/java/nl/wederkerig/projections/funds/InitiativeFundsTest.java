package nl.wederkerig.projections.funds;

import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.ClaimRejected;
import nl.wederkerig.core.claims.ClaimSubmitted;
import nl.wederkerig.core.claims.RejectionReason;
import nl.wederkerig.core.community.InitiativeKind;
import nl.wederkerig.core.community.InitiativeRegistered;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.ExpensePaid;
import nl.wederkerig.core.funds.FundEntryReversed;
import nl.wederkerig.core.funds.FundMoneyEvent;
import nl.wederkerig.core.funds.FundTransferred;
import nl.wederkerig.core.reciprocity.HoursDrawn;
import nl.wederkerig.core.reciprocity.ReciprocityEntryReversed;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.ReasonCode;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InitiativeFundsTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final PartnerId CARE = PartnerId.of("zorg-west");
    static final MemberId TREASURER = MemberId.of("tessa");
    static final MemberId VOLUNTEER = MemberId.of("vera");
    static final LocalDate JAN_1 = LocalDate.parse("2026-01-01");
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    InitiativeFunds funds;
    GivenEvents given;

    @BeforeEach
    void setUp() {
        funds = new InitiativeFunds(ReadModelDatabase.fresh());
        given = GivenEvents.into(funds).given(new InitiativeRegistered(WEST, CommandId.of("reg"), MEALS,
                InitiativeKind.values()[0], JAN_1, TREASURER, AT));
    }

    static ContributionReceived contribution(String id, String amount, ContributionSource source, Channel channel, LocalDate on) {
        return new ContributionReceived(MEALS, WEST, CommandId.of(id), Money.eur(amount), source,
                source == ContributionSource.PARTNER ? CARE : null, channel, on, TREASURER, AT);
    }

    static ExpensePaid expense(String id, String amount, ExpenseCategory category, Channel channel, LocalDate on) {
        return new ExpensePaid(MEALS, WEST, CommandId.of(id), Money.eur(amount), category, ReceiptReference.of("bon-" + id),
                channel, on, TREASURER, AT);
    }

    static FundEntryReversed reversal(String id, FundMoneyEvent original, LocalDate on) {
        return new FundEntryReversed(MEALS, WEST, CommandId.of(id), original, ReversalReason.ENTERED_IN_ERROR, on, TREASURER, AT);
    }

    static ClaimSubmitted submitted(String claim, String amount, LocalDate on) {
        return new ClaimSubmitted(ClaimId.of(claim), WEST, MEALS, VOLUNTEER, Money.eur(amount), ExpenseCategory.FOOD,
                ReceiptReference.of("bon-" + claim), on, VOLUNTEER, AT);
    }

    static ClaimApproved approved(String claim, String amount, LocalDate on) {
        return new ClaimApproved(ClaimId.of(claim), WEST, MEALS, CommandId.of("ok-" + claim), VOLUNTEER, Money.eur(amount),
                ExpenseCategory.FOOD, on, TREASURER, AT);
    }

    static ClaimPaid paid(String claim, String amount, LocalDate on) {
        return new ClaimPaid(MEALS, WEST, CommandId.of("pay-" + claim), ClaimId.of(claim), VOLUNTEER, TREASURER,
                Money.eur(amount), Channel.BANK, on, TREASURER, AT);
    }

    static HoursDrawn hours(String id, long minutes, LocalDate on) {
        return new HoursDrawn(CARE, WEST, CommandId.of(id), MEALS, Hours.ofMinutes(minutes), on, TREASURER, AT);
    }

    @Test
    void balanceAsOfCutsBetweenEventsAndCountsBackDatedEntriesOnTheirOwnDate() {
        given.given(contribution("c1", "500.00", ContributionSource.GRANT, Channel.BANK, JAN_1.plusDays(1)),
                new FundTransferred(MEALS, WEST, CommandId.of("t1"), Money.eur("80.00"), Channel.BANK, Channel.CASH_BOX,
                        JAN_1.plusDays(5), TREASURER, AT),
                expense("e1", "12.40", ExpenseCategory.FOOD, Channel.CASH_BOX, JAN_1.plusDays(6)),
                // recorded last, dated before the transfer: counts from day 3
                contribution("c2", "7.50", ContributionSource.GUEST_CONTRIBUTION, Channel.CASH_BOX, JAN_1.plusDays(3)));

        InitiativeBalance day2 = funds.balanceOf(WEST, MEALS, JAN_1.plusDays(2));
        InitiativeBalance day4 = funds.balanceOf(WEST, MEALS, JAN_1.plusDays(4));
        InitiativeBalance day6 = funds.balanceOf(WEST, MEALS, JAN_1.plusDays(6));

        assertThat(day2.bank()).isEqualTo(Money.eur("500.00"));
        assertThat(day2.cashBox()).isEqualTo(Money.eur("0.00"));
        assertThat(day4.cashBox()).isEqualTo(Money.eur("7.50"));
        assertThat(day6.bank()).isEqualTo(Money.eur("420.00"));
        assertThat(day6.cashBox()).isEqualTo(Money.eur("75.10"));
        assertThat(day6.fund()).isEqualTo(Money.eur("495.10"));
        assertThat(funds.balanceOf(WEST, MEALS, JAN_1).fund()).isEqualTo(Money.eur("0.00"));
    }

    @Test
    void openClaimsAsOfADate() {
        given.given(contribution("c1", "100.00", ContributionSource.DONATION, Channel.BANK, JAN_1),
                submitted("k1", "20.00", JAN_1.plusDays(1)), submitted("k2", "5.00", JAN_1.plusDays(1)),
                approved("k1", "20.00", JAN_1.plusDays(2)),
                new ClaimRejected(ClaimId.of("k2"), WEST, MEALS, CommandId.of("no-k2"), VOLUNTEER,
                        RejectionReason.DUPLICATE, ReasonCode.of("dubbel"), JAN_1.plusDays(2), TREASURER, AT),
                paid("k1", "20.00", JAN_1.plusDays(4)));

        InitiativeBalance day1 = funds.balanceOf(WEST, MEALS, JAN_1.plusDays(1));
        InitiativeBalance day3 = funds.balanceOf(WEST, MEALS, JAN_1.plusDays(3));
        InitiativeBalance day4 = funds.balanceOf(WEST, MEALS, JAN_1.plusDays(4));

        assertThat(day1.claimsSubmitted()).isEqualTo(ClaimTally.ofCents(2, 2500));
        assertThat(day1.claimsApprovedUnpaid()).isEqualTo(ClaimTally.ofCents(0, 0));
        assertThat(day3.claimsSubmitted()).isEqualTo(ClaimTally.ofCents(0, 0));
        assertThat(day3.claimsApprovedUnpaid()).isEqualTo(ClaimTally.ofCents(1, 2000));
        assertThat(day4.claimsApprovedUnpaid()).isEqualTo(ClaimTally.ofCents(0, 0));
        assertThat(day4.bank()).isEqualTo(Money.eur("80.00"));
    }

    @Test
    void aReversedEntryNetsToZeroOnTheReversalsDateAndAReversedPaymentReopensTheClaim() {
        ContributionReceived wrong = contribution("c1", "250.00", ContributionSource.PARTNER, Channel.BANK, JAN_1.plusDays(1));
        ClaimPaid payment = paid("k1", "30.00", JAN_1.plusDays(3));
        given.given(wrong, submitted("k1", "30.00", JAN_1.plusDays(1)), approved("k1", "30.00", JAN_1.plusDays(2)),
                contribution("c2", "100.00", ContributionSource.GRANT, Channel.BANK, JAN_1), payment,
                reversal("r1", wrong, JAN_1.plusDays(10)), reversal("r2", payment, JAN_1.plusDays(10)));

        assertThat(funds.balanceOf(WEST, MEALS, JAN_1.plusDays(9)).bank()).isEqualTo(Money.eur("320.00"));
        InitiativeBalance after = funds.balanceOf(WEST, MEALS, JAN_1.plusDays(10));
        assertThat(after.bank()).isEqualTo(Money.eur("100.00"));
        assertThat(after.claimsApprovedUnpaid()).isEqualTo(ClaimTally.ofCents(1, 3000));

        PeriodFigures january = funds.report(WEST, MEALS, JAN_1, JAN_1.plusDays(30)).current();
        assertThat(january.incomeBySource().get(ContributionSource.PARTNER)).isEqualTo(Money.eur("0.00"));
        assertThat(january.incomeTotal()).isEqualTo(Money.eur("100.00"));
        assertThat(january.claimsPaid()).isEqualTo(ClaimTally.ofCents(0, 0));
    }

    @Test
    void reportGivesIncomeExpensesClaimsAndHoursBesideThePreviousPeriod() {
        LocalDate feb1 = LocalDate.parse("2026-02-01");
        given.given(contribution("c0", "40.00", ContributionSource.DONATION, Channel.BANK, JAN_1.plusDays(10)),
                contribution("c1", "300.00", ContributionSource.GRANT, Channel.BANK, feb1.plusDays(1)),
                contribution("c2", "12.00", ContributionSource.GUEST_CONTRIBUTION, Channel.CASH_BOX, feb1.plusDays(2)),
                expense("e1", "25.00", ExpenseCategory.RENT, Channel.BANK, feb1.plusDays(3)),
                submitted("k1", "18.00", feb1.plusDays(4)), approved("k1", "18.00", feb1.plusDays(5)),
                paid("k1", "18.00", feb1.plusDays(6)), submitted("k2", "9.00", feb1.plusDays(7)),
                hours("h1", 90, feb1.plusDays(2)), hours("h2", 30, JAN_1.plusDays(2)),
                new ReciprocityEntryReversed(CARE, WEST, CommandId.of("rh"), hours("h3", 60, feb1.plusDays(8)),
                        ReversalReason.DUPLICATE, feb1.plusDays(9), TREASURER, AT),
                hours("h3", 60, feb1.plusDays(8)));

        InitiativeReport report = funds.report(WEST, MEALS, feb1, LocalDate.parse("2026-02-28"));

        PeriodFigures february = report.current();
        assertThat(february.openingBalance()).isEqualTo(Money.eur("40.00"));
        assertThat(february.closingBalance()).isEqualTo(Money.eur("309.00"));
        assertThat(february.incomeBySource()).containsEntry(ContributionSource.GRANT, Money.eur("300.00"))
                .containsEntry(ContributionSource.GUEST_CONTRIBUTION, Money.eur("12.00"))
                .containsEntry(ContributionSource.DONATION, Money.eur("0.00"));
        assertThat(february.expensesByCategory()).containsEntry(ExpenseCategory.RENT, Money.eur("25.00"))
                .containsEntry(ExpenseCategory.FOOD, Money.eur("18.00"));
        assertThat(february.expensesTotal()).isEqualTo(Money.eur("43.00"));
        assertThat(february.claimsSubmitted()).isEqualTo(ClaimTally.ofCents(2, 2700));
        assertThat(february.claimsApproved()).isEqualTo(ClaimTally.ofCents(1, 1800));
        assertThat(february.claimsPaid()).isEqualTo(ClaimTally.ofCents(1, 1800));
        assertThat(february.partnerHoursMinutes()).isEqualTo(90);

        PeriodFigures previous = report.previous();
        assertThat(previous.from()).isEqualTo(LocalDate.parse("2026-01-04"));
        assertThat(previous.to()).isEqualTo(LocalDate.parse("2026-01-31"));
        assertThat(previous.incomeTotal()).isEqualTo(Money.eur("40.00"));
        assertThat(previous.partnerHoursMinutes()).isEqualTo(0);
        assertThat(report.change().incomeTotal()).isEqualTo(Money.eur("272.00"));
        assertThat(report.change().closingBalance()).isEqualTo(Money.eur("269.00"));
    }

    @Test
    void refusesAClaimStepItNeverSawSubmittedOrWithAnotherAmount() {
        given.given(submitted("k1", "20.00", JAN_1));

        assertThatThrownBy(() -> given.given(approved("k9", "20.00", JAN_1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> given.given(approved("k1", "21.00", JAN_1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStartsOrIsTooLong() {
        assertThatThrownBy(() -> funds.report(WEST, MEALS, JAN_1, JAN_1.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> funds.report(WEST, MEALS, JAN_1, JAN_1.plusYears(4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hoursOfTwoPartnersWithTheSameCommandIdBothCount() {
        // Command ids are unique per partner's account, not across partners.
        given.given(hours("h1", 30, JAN_1.plusDays(1)),
                new HoursDrawn(PartnerId.of("gemeente"), WEST, CommandId.of("h1"), MEALS, Hours.ofMinutes(45),
                        JAN_1.plusDays(1), TREASURER, AT));

        assertThat(funds.report(WEST, MEALS, JAN_1, JAN_1.plusDays(6)).current().partnerHoursMinutes()).isEqualTo(75);
    }

    @Test
    void knowsOnlyRegisteredInitiativesOfTheCommunity() {
        assertThat(funds.knows(WEST, MEALS)).isTrue();
        assertThat(funds.knows(CommunityId.of("rotterdam-noord"), MEALS)).isFalse();
        assertThat(funds.knows(WEST, InitiativeId.of("onbekend"))).isFalse();
    }

    @Test
    void aClaimNamesItsInitiativeOnlyWithinItsOwnCommunity() {
        given.given(submitted("claim-1", "8.00", JAN_1));

        assertThat(funds.initiativeOfClaim(WEST, ClaimId.of("claim-1"))).contains(MEALS);
        assertThat(funds.initiativeOfClaim(CommunityId.of("rotterdam-noord"), ClaimId.of("claim-1"))).isEmpty();
        assertThat(funds.initiativeOfClaim(WEST, ClaimId.of("claim-2"))).isEmpty();
    }
}
