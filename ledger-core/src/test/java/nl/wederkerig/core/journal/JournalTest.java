package nl.wederkerig.core.journal;

import nl.wederkerig.core.advances.AdvanceAcknowledged;
import nl.wederkerig.core.advances.AdvanceCancelled;
import nl.wederkerig.core.advances.AdvanceForgiven;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.AdvanceReimbursed;
import nl.wederkerig.core.advances.ErrandAdvanceOpened;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.errands.ErrandChangeReturned;
import nl.wederkerig.core.errands.ErrandOverspent;
import nl.wederkerig.core.errands.ErrandSpendingReported;
import nl.wederkerig.core.errands.ErrandStarted;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.ExpensePaid;
import nl.wederkerig.core.funds.FundEntryReversed;
import nl.wederkerig.core.funds.FundTransferred;
import nl.wederkerig.core.help.HelpConfirmed;
import nl.wederkerig.core.help.HelpDisputeReason;
import nl.wederkerig.core.help.HelpDisputed;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.HelpRecorded;
import nl.wederkerig.core.reciprocity.HoursDrawn;
import nl.wederkerig.core.reciprocity.InKindCategory;
import nl.wederkerig.core.reciprocity.InKindReturned;
import nl.wederkerig.core.reciprocity.MoneyReturned;
import nl.wederkerig.core.reciprocity.ReciprocityEntryReversed;
import nl.wederkerig.core.reciprocity.ServiceCategory;
import nl.wederkerig.core.reciprocity.ServiceDrawn;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.ReceiptReference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.wederkerig.core.TestTime.MONDAY;
import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final MemberId AMINA = MemberId.of("amina");
    static final MemberId BRAM = MemberId.of("bram");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final PartnerId CARE = PartnerId.of("zorg-west");
    static final AdvanceId ADV = AdvanceId.of("adv-1");
    static final ErrandId ERRAND = ErrandId.of("errand-1");
    static final CommandId C1 = CommandId.of("c-1");
    static final CommandId C2 = CommandId.of("c-2");
    static final AdvanceMade MADE = new AdvanceMade(ADV, WEST, AMINA, BRAM, Money.eur("50.00"), Purpose.GROCERIES, MONDAY, AMINA, NOW);

    static Posting eur(String account, long cents) {
        return new Posting(account, Unit.EUR, cents);
    }

    static Posting min(String account, long minutes) {
        return new Posting(account, Unit.MIN, minutes);
    }

    static JournalEntry entry(String code, java.time.LocalDate date, String description, Posting... postings) {
        return new JournalEntry(WEST, code, date, description, List.of(postings));
    }

    static JournalEntry last(Object... events) {
        List<JournalEntry> entries = Journal.entriesFor(List.of(events));
        return entries.get(entries.size() - 1);
    }

    @Test
    void anAdvanceIsADebtOnBothSides() {
        assertThat(Journal.entriesFor(List.of(MADE))).containsExactly(entry("adv-1", MONDAY, "advance made",
                eur("assets:receivable:amina:bram", 5000), eur("liabilities:payable:bram:amina", -5000)));
    }

    @Test
    void reimbursingAndCancellingUndoTheDebt() {
        assertThat(last(MADE, new AdvanceReimbursed(ADV, WEST, C1, Money.eur("20.00"), Money.eur("30.00"), TODAY, BRAM, NOW)))
                .isEqualTo(entry("c-1", TODAY, "advance reimbursed",
                        eur("liabilities:payable:bram:amina", 2000), eur("assets:receivable:amina:bram", -2000)));
        assertThat(last(MADE, new AdvanceCancelled(ADV, WEST, C1, Money.eur("50.00"), TODAY, AMINA, NOW)))
                .isEqualTo(entry("c-1", TODAY, "advance cancelled",
                        eur("liabilities:payable:bram:amina", 5000), eur("assets:receivable:amina:bram", -5000)));
    }

    @Test
    void aReversedReimbursementIsTheExactMirrorOfIt() {
        AdvanceReimbursed reimbursed = new AdvanceReimbursed(ADV, WEST, C1, Money.eur("20.00"), Money.eur("30.00"), TODAY, BRAM, NOW);
        JournalEntry original = last(MADE, reimbursed);
        JournalEntry reversal = last(MADE, reimbursed, new nl.wederkerig.core.advances.ReimbursementReversed(ADV, WEST, C2, C1,
                Money.eur("20.00"), Money.eur("50.00"), ReversalReason.ENTERED_IN_ERROR, TODAY, AMINA, NOW));
        assertThat(reversal.postings()).isEqualTo(original.postings().stream().map(Posting::negated).toList());
    }

    @Test
    void aJournalStartedMidStreamAsksForThePartiesOfAnAdvanceMadeEarlier() {
        AdvanceForgiven forgiven = new AdvanceForgiven(ADV, WEST, C1, Money.eur("30.00"), TODAY, AMINA, NOW);
        Journal resumed = new Journal(new Journal.Earlier() {
            @Override
            public java.util.Optional<Journal.Parties> advance(AdvanceId advance) {
                return advance.equals(ADV) ? java.util.Optional.of(new Journal.Parties(AMINA, BRAM)) : java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<Journal.HelpGiven> help(HelpId help) {
                return java.util.Optional.empty();
            }
        });

        assertThat(resumed.entryFor(forgiven)).contains(last(MADE, forgiven));
        assertThatThrownBy(() -> new Journal().entryFor(forgiven)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void forgivingTurnsTheRestIntoAGift() {
        assertThat(last(MADE, new AdvanceForgiven(ADV, WEST, C1, Money.eur("30.00"), TODAY, AMINA, NOW)))
                .isEqualTo(entry("c-1", TODAY, "advance forgiven",
                        eur("expenses:gifts-given:amina", 3000), eur("assets:receivable:amina:bram", -3000),
                        eur("liabilities:payable:bram:amina", 3000), eur("income:gifts-received:bram", -3000)));
    }

    @Test
    void eventsThatMoveNothingHaveNoEntry() {
        assertThat(new Journal().entryFor(new AdvanceAcknowledged(ADV, WEST, C1, TODAY, BRAM, NOW))).isEmpty();
        assertThat(new Journal().entryFor(new ServiceDrawn(CARE, WEST, C1, MEALS, ServiceCategory.MEAL, 3, TODAY, AMINA, NOW))).isEmpty();
        assertThat(new Journal().entryFor("not an event")).isEmpty();
        // Where to pay a neighbour back is not a payment: only recording the reimbursement books one.
        nl.wederkerig.core.shared.SealedText sealed = new nl.wederkerig.core.shared.SealedText("amina", "AAECAw==");
        assertThat(new Journal().entryFor(new nl.wederkerig.core.community.PayoutDetailsRecorded(WEST, C1, sealed, sealed,
                null, TODAY, AMINA, NOW))).isEmpty();
        assertThat(new Journal().entryFor(new nl.wederkerig.core.community.PayoutDetailsRemoved(WEST, C1, TODAY, AMINA, NOW)))
                .isEmpty();
    }

    @Test
    void errandCashIsEntrustedThenSpentAndReturned() {
        ErrandStarted started = new ErrandStarted(ERRAND, WEST, BRAM, AMINA, Money.eur("50.00"), Purpose.GROCERIES, MONDAY, BRAM, NOW);
        assertThat(last(started)).isEqualTo(entry("errand-1", MONDAY, "errand cash entrusted",
                eur("assets:entrusted:bram:amina", 5000), eur("liabilities:entrusted:amina:bram", -5000)));
        assertThat(last(new ErrandSpendingReported(ERRAND, WEST, C1, BRAM, AMINA, Money.eur("43.20"), Money.eur("43.20"),
                Money.eur("6.80"), ReceiptReference.of("bon-1"), TODAY, AMINA, NOW)))
                .isEqualTo(entry("c-1", TODAY, "errand cash spent",
                        eur("liabilities:entrusted:amina:bram", 4320), eur("assets:entrusted:bram:amina", -4320)));
        assertThat(last(new ErrandChangeReturned(ERRAND, WEST, C2, BRAM, AMINA, Money.eur("6.80"), TODAY, AMINA, NOW)))
                .isEqualTo(entry("c-2", TODAY, "errand change returned",
                        eur("liabilities:entrusted:amina:bram", 680), eur("assets:entrusted:bram:amina", -680)));
    }

    @Test
    void anErrandsOverspendIsBookedOnceAsADebtAndThenBehavesLikeAnAdvance() {
        AdvanceId linked = AdvanceId.of("c-1");
        List<JournalEntry> entries = Journal.entriesFor(List.of(
                new ErrandOverspent(ERRAND, WEST, linked, AMINA, BRAM, Money.eur("5.20"), TODAY, AMINA, NOW),
                new ErrandAdvanceOpened(linked, WEST, ERRAND, AMINA, BRAM, Money.eur("5.20"), TODAY, AMINA, NOW),
                new AdvanceReimbursed(linked, WEST, C2, Money.eur("5.20"), Money.eur("0.00"), TODAY, BRAM, NOW)));
        assertThat(entries).containsExactly(
                entry("errand-1", TODAY, "errand overspent", eur("assets:receivable:amina:bram", 520), eur("liabilities:payable:bram:amina", -520)),
                entry("c-2", TODAY, "advance reimbursed", eur("liabilities:payable:bram:amina", 520), eur("assets:receivable:amina:bram", -520)));
    }

    @Test
    void helpIsBookedInExactMinutes() {
        assertThat(last(new HelpRecorded(HelpId.of("help-1"), WEST, AMINA, BRAM, Hours.ofMinutes(140), HelpKind.COMPANY, null, TODAY, AMINA, NOW)))
                .isEqualTo(entry("help-1", TODAY, "help given", min("expenses:hours-received:bram", 140), min("income:hours-given:amina", -140)));
    }

    @Test
    void aDisputedRecordOfHelpLeavesTheBooksOnTheDisputesDateAndComesBackWhenConfirmed() {
        HelpId help = HelpId.of("help-1");
        HelpRecorded recorded = new HelpRecorded(help, WEST, AMINA, BRAM, Hours.ofMinutes(140), HelpKind.COMPANY, null, MONDAY, AMINA, NOW);
        HelpDisputed disputed = new HelpDisputed(help, WEST, C1, HelpDisputeReason.DID_NOT_HAPPEN, TODAY.minusDays(2), BRAM, NOW);
        HelpConfirmed confirmed = new HelpConfirmed(help, WEST, C2, TODAY, BRAM, NOW);

        assertThat(Journal.entriesFor(List.of(recorded, disputed, confirmed))).containsExactly(
                entry("help-1", MONDAY, "help given", min("expenses:hours-received:bram", 140), min("income:hours-given:amina", -140)),
                entry("help-1", TODAY.minusDays(2), "help disputed",
                        min("expenses:hours-received:bram", -140), min("income:hours-given:amina", 140)),
                entry("help-1", TODAY, "help confirmed after a dispute",
                        min("expenses:hours-received:bram", 140), min("income:hours-given:amina", -140)));
    }

    @Test
    void confirmingHelpThatWasNeverDisputedBooksNothingMore() {
        HelpId help = HelpId.of("help-1");
        assertThat(Journal.entriesFor(List.of(
                new HelpRecorded(help, WEST, AMINA, BRAM, Hours.ofMinutes(30), HelpKind.COMPANY, null, MONDAY, AMINA, NOW),
                new HelpConfirmed(help, WEST, C1, TODAY, BRAM, NOW)))).hasSize(1);
    }

    @Test
    void aJournalStartedMidStreamAsksWhetherHelpRecordedEarlierStandsDisputed() {
        HelpId help = HelpId.of("help-1");
        Journal resumed = new Journal(new Journal.Earlier() {
            @Override
            public java.util.Optional<Journal.Parties> advance(AdvanceId advance) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<Journal.HelpGiven> help(HelpId asked) {
                return asked.equals(help) ? java.util.Optional.of(new Journal.HelpGiven(AMINA, BRAM, 45, true))
                        : java.util.Optional.empty();
            }
        });

        assertThat(resumed.entryFor(new HelpConfirmed(help, WEST, C1, TODAY, BRAM, NOW))).contains(
                entry("help-1", TODAY, "help confirmed after a dispute",
                        min("expenses:hours-received:bram", 45), min("income:hours-given:amina", -45)));
        assertThatThrownBy(() -> new Journal().entryFor(new HelpDisputed(help, WEST, C1, HelpDisputeReason.OTHER, TODAY, BRAM, NOW)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fundEntries() {
        assertThat(last(new ContributionReceived(MEALS, WEST, C1, Money.eur("500.00"), ContributionSource.PARTNER, CARE, Channel.BANK, TODAY, AMINA, NOW)))
                .isEqualTo(entry("c-1", TODAY, "contribution received",
                        eur("assets:initiative:aanschuiven:bank", 50000), eur("income:initiative:aanschuiven:partner:zorg-west", -50000)));
        assertThat(last(new ContributionReceived(MEALS, WEST, C1, Money.eur("3.50"), ContributionSource.GUEST_CONTRIBUTION, null, Channel.CASH_BOX, TODAY, AMINA, NOW)))
                .isEqualTo(entry("c-1", TODAY, "contribution received",
                        eur("assets:initiative:aanschuiven:cash", 350), eur("income:initiative:aanschuiven:guest-contribution", -350)));
        assertThat(last(new ExpensePaid(MEALS, WEST, C1, Money.eur("12.00"), ExpenseCategory.BANK_COSTS, ReceiptReference.of("ing-11"), Channel.BANK, TODAY, AMINA, NOW)))
                .isEqualTo(entry("c-1", TODAY, "expense paid",
                        eur("expenses:initiative:aanschuiven:bank-costs", 1200), eur("assets:initiative:aanschuiven:bank", -1200)));
        assertThat(last(new FundTransferred(MEALS, WEST, C1, Money.eur("100.00"), Channel.BANK, Channel.CASH_BOX, TODAY, AMINA, NOW)))
                .isEqualTo(entry("c-1", TODAY, "transfer within fund",
                        eur("assets:initiative:aanschuiven:cash", 10000), eur("assets:initiative:aanschuiven:bank", -10000)));
    }

    @Test
    void aClaimIsOwedOnApprovalAndSettledOnPayment() {
        ClaimId claim = ClaimId.of("claim-1");
        assertThat(last(new ClaimApproved(claim, WEST, MEALS, C1, BRAM, Money.eur("23.45"), ExpenseCategory.FOOD, TODAY, AMINA, NOW)))
                .isEqualTo(entry("claim-1", TODAY, "claim approved",
                        eur("expenses:initiative:aanschuiven:food", 2345), eur("liabilities:claims:aanschuiven:bram", -2345)));
        assertThat(last(new ClaimPaid(MEALS, WEST, C2, claim, BRAM, AMINA, Money.eur("23.45"), Channel.CASH_BOX, TODAY, AMINA, NOW)))
                .isEqualTo(entry("c-2", TODAY, "claim paid",
                        eur("liabilities:claims:aanschuiven:bram", 2345), eur("assets:initiative:aanschuiven:cash", -2345)));
    }

    @Test
    void aReversalIsTheExactMirrorDatedOnItsOwnDay() {
        ExpensePaid expense = new ExpensePaid(MEALS, WEST, C1, Money.eur("12.00"), ExpenseCategory.FOOD, ReceiptReference.of("b-1"), Channel.CASH_BOX, MONDAY, AMINA, NOW);
        JournalEntry original = last(expense);
        JournalEntry reversal = last(new FundEntryReversed(MEALS, WEST, C2, expense, ReversalReason.DUPLICATE, TODAY, AMINA, NOW));
        assertThat(reversal).isEqualTo(entry("c-2", TODAY, "reversal of c-1",
                eur("expenses:initiative:aanschuiven:food", -1200), eur("assets:initiative:aanschuiven:cash", 1200)));
        assertThat(reversal.postings()).isEqualTo(original.postings().stream().map(Posting::negated).toList());
    }

    @Test
    void reciprocityIsAMemorandumPerPartner() {
        HoursDrawn hours = new HoursDrawn(CARE, WEST, C1, MEALS, Hours.ofMinutes(180), TODAY, AMINA, NOW);
        assertThat(last(hours)).isEqualTo(entry("c-1", TODAY, "hours drawn by partner",
                min("reciprocity:zorg-west:balance", 180), min("reciprocity:zorg-west:drawn:aanschuiven", -180)));
        assertThat(last(new MoneyReturned(CARE, WEST, C2, MEALS, Money.eur("250.00"), TODAY, AMINA, NOW)))
                .isEqualTo(entry("c-2", TODAY, "money returned by partner",
                        eur("reciprocity:zorg-west:returned:aanschuiven:money", 25000), eur("reciprocity:zorg-west:balance", -25000)));
        assertThat(last(new InKindReturned(CARE, WEST, C2, MEALS, InKindCategory.ROOM, Money.eur("80.00"), TODAY, AMINA, NOW)))
                .isEqualTo(entry("c-2", TODAY, "support in kind returned by partner",
                        eur("reciprocity:zorg-west:returned:aanschuiven:in-kind:room", 8000), eur("reciprocity:zorg-west:balance", -8000)));
        assertThat(last(new ReciprocityEntryReversed(CARE, WEST, C2, hours, ReversalReason.DUPLICATE, TODAY, AMINA, NOW)))
                .isEqualTo(last(hours).mirror("c-2", TODAY));
    }

    @Test
    void anUnbalancedEntryCannotExist() {
        assertThatThrownBy(() -> entry("x", TODAY, "broken", eur("assets:a:b", 100), eur("liabilities:a:b", -99)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry("x", TODAY, "mixed units", eur("assets:a:b", 100), min("liabilities:a:b", -100)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry("x", TODAY, "Amina Yilmaz", eur("assets:a:b", 100), eur("liabilities:a:b", -100)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesHledgerText() {
        assertThat(Hledger.format(Journal.entriesFor(List.of(MADE)).get(0))).isEqualTo("""
                2026-11-16 (adv-1) advance made
                    assets:receivable:amina:bram  50.00 EUR
                    liabilities:payable:bram:amina  -50.00 EUR
                """);
    }
}
