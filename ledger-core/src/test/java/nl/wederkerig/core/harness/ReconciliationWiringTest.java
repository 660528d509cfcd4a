package nl.wederkerig.core.harness;

import nl.wederkerig.core.claims.ApproveClaim;
import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.ClaimInformationProvided;
import nl.wederkerig.core.claims.ClaimInformationRequested;
import nl.wederkerig.core.claims.OwnClaimApproval;
import nl.wederkerig.core.claims.ProvideClaimInformation;
import nl.wederkerig.core.claims.RejectClaim;
import nl.wederkerig.core.claims.RejectionReason;
import nl.wederkerig.core.claims.RequestClaimInformation;
import nl.wederkerig.core.claims.SubmitClaim;
import nl.wederkerig.core.community.CoordinatorOnly;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.NotClaimReviewer;
import nl.wederkerig.core.funds.PayApprovedClaim;
import nl.wederkerig.core.funds.PayApprovedClaimFromBankLine;
import nl.wederkerig.core.funds.RecordContributionFromBankLine;
import nl.wederkerig.core.reconciliation.ActingAs;
import nl.wederkerig.core.reconciliation.BankAccountLinked;
import nl.wederkerig.core.reconciliation.BankLine;
import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.reconciliation.BankLinesMatched;
import nl.wederkerig.core.reconciliation.ClosePeriod;
import nl.wederkerig.core.reconciliation.ConfirmMatch;
import nl.wederkerig.core.reconciliation.DateInClosedPeriod;
import nl.wederkerig.core.reconciliation.ImportStatement;
import nl.wederkerig.core.reconciliation.LinkBankAccount;
import nl.wederkerig.core.reconciliation.PaymentReference;
import nl.wederkerig.core.reconciliation.PeriodClosed;
import nl.wederkerig.core.reconciliation.PeriodReopened;
import nl.wederkerig.core.reconciliation.ReopenNeedsSecondPerson;
import nl.wederkerig.core.reconciliation.ReopenPeriod;
import nl.wederkerig.core.reconciliation.ReopenReason;
import nl.wederkerig.core.reconciliation.StatementImported;
import nl.wederkerig.core.reconciliation.StatementSource;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InWrongState;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.core.shared.SealedText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four eyes on claims and the coordinator's part, through the application's wiring: the claim-review
 * and coordinator guards read the fund and the community in the same unit of work as the command.
 * The community of {@link Driver#setUp()}: m0 coordinates, m1 and m2 are treasurers of i0, m3 is the
 * only treasurer of i1, m4 is a neighbour.
 */
class ReconciliationWiringTest {

    static final MemberId COORDINATOR = Driver.member(0);
    static final MemberId T1 = Driver.member(1);
    static final MemberId T2 = Driver.member(2);
    static final MemberId SOLE = Driver.member(3);
    static final MemberId NEIGHBOUR = Driver.member(4);
    static final InitiativeId I0 = Driver.initiative(0);
    static final InitiativeId I1 = Driver.initiative(1);
    static final Iban ACCOUNT = Iban.parse("NL91ABNA0417164300");

    LedgerHarness ledger;

    @BeforeEach
    void setUp() {
        ledger = new LedgerHarness(CLOCK);
        new Driver(TODAY).setUp().forEach(command -> assertThat(ledger.send(command)).isEmpty());
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private List<Object> newEventsAfter(Object command) {
        int before = ledger.events().size();
        ledger.send(command).ifPresent(e -> {
            throw new AssertionError("refused: " + command, e);
        });
        List<Object> events = ledger.events();
        return events.subList(before, events.size());
    }

    private void submit(String claim, InitiativeId initiative, MemberId claimant, String amount) {
        assertThat(ledger.send(new SubmitClaim(ClaimId.of(claim), Driver.WEST, initiative, Money.eur(amount), ExpenseCategory.FOOD,
                ReceiptReference.of("bon-1"), TODAY, claimant))).isEmpty();
    }

    private static ApproveClaim approve(String claim, String id, MemberId by) {
        return new ApproveClaim(ClaimId.of(claim), CommandId.of(id), TODAY, by);
    }

    @Test
    void whenTheClaimantIsTheOnlyTreasurerACoordinatorIsTheSecondApprover() {
        submit("c-sole", I1, SOLE, "12.00");
        assertThat(ledger.send(approve("c-sole", "a1", SOLE))).containsInstanceOf(OwnClaimApproval.class);
        assertThat(ledger.send(approve("c-sole", "a2", NEIGHBOUR))).containsInstanceOf(NotClaimReviewer.class);
        assertThat(newEventsAfter(approve("c-sole", "a3", COORDINATOR))).singleElement().isInstanceOf(ClaimApproved.class);
        // the fund pays it: the community confirms in the same unit of work that the approver is a coordinator
        assertThat(newEventsAfter(new PayApprovedClaim(ClaimId.of("c-sole"), CommandId.of("pay"), Channel.CASH_BOX, TODAY, SOLE)))
                .singleElement().isInstanceOf(ClaimPaid.class);
    }

    @Test
    void whereAnotherTreasurerCanDecideACoordinatorDoesNot() {
        submit("c-1", I0, T1, "12.00");
        assertThat(ledger.send(approve("c-1", "a1", COORDINATOR))).containsInstanceOf(NotClaimReviewer.class);
        assertThat(ledger.send(approve("c-1", "a2", SOLE))).as("a treasurer of another initiative")
                .containsInstanceOf(NotClaimReviewer.class);
        assertThat(newEventsAfter(approve("c-1", "a3", T2))).singleElement().isInstanceOf(ClaimApproved.class);
    }

    @Test
    void questionsGoBackToTheClaimantAndOnlyTheClaimantAnswers() {
        submit("c-2", I0, NEIGHBOUR, "8.00");
        SealedText question = new SealedText("m4", "dmFyYWFn");
        assertThat(ledger.send(new RequestClaimInformation(ClaimId.of("c-2"), CommandId.of("q1"), question, TODAY, NEIGHBOUR)))
                .containsInstanceOf(OwnClaimApproval.class);
        assertThat(ledger.send(new RequestClaimInformation(ClaimId.of("c-2"), CommandId.of("q2"), question, TODAY, COORDINATOR)))
                .containsInstanceOf(NotClaimReviewer.class);
        assertThat(newEventsAfter(new RequestClaimInformation(ClaimId.of("c-2"), CommandId.of("q3"), question, TODAY, T1)))
                .singleElement().isInstanceOf(ClaimInformationRequested.class);
        assertThat(ledger.send(approve("c-2", "a1", T1))).containsInstanceOf(InWrongState.class);
        assertThat(ledger.send(new ProvideClaimInformation(ClaimId.of("c-2"), CommandId.of("r1"), new SealedText("m4", "YW50d29vcmQ="),
                null, TODAY, T1))).isPresent();
        assertThat(newEventsAfter(new ProvideClaimInformation(ClaimId.of("c-2"), CommandId.of("r2"), new SealedText("m4", "YW50d29vcmQ="),
                ReceiptReference.of("bon-2"), TODAY, NEIGHBOUR))).singleElement().isInstanceOf(ClaimInformationProvided.class);
        assertThat(newEventsAfter(approve("c-2", "a2", T2))).singleElement().isInstanceOf(ClaimApproved.class);
    }

    @Test
    void actingAsCoordinatorIsCheckedAgainstTheCommunity() {
        assertThat(ledger.send(new LinkBankAccount(I0, CommandId.of("l1"), ACCOUNT, ActingAs.COORDINATOR, TODAY, NEIGHBOUR)))
                .containsInstanceOf(CoordinatorOnly.class);
        assertThat(newEventsAfter(new LinkBankAccount(I0, CommandId.of("l2"), ACCOUNT, ActingAs.COORDINATOR, TODAY, COORDINATOR)))
                .singleElement().isInstanceOf(BankAccountLinked.class);
    }

    /**
     * The treasurer's month through the wiring: link, import, match the setup's grant, pay a claim by
     * the bank line that names it, book a contribution from its line, close; a decision dated in the
     * closed period is refused; the closer cannot reopen, a coordinator can.
     */
    @Test
    void importMatchCloseAndReopenThroughTheWiring() {
        LocalDate from = TODAY.minusDays(34);
        LocalDate to = TODAY.minusDays(3);
        LocalDate granted = TODAY.minusDays(30); // Driver.setUp() put 400.00 into i0's bank that day (setup-f0)
        assertThat(ledger.send(new SubmitClaim(ClaimId.of("claim-17"), Driver.WEST, I0, Money.eur("23.45"), ExpenseCategory.FOOD,
                ReceiptReference.of("bon-17"), granted, NEIGHBOUR))).isEmpty();
        assertThat(ledger.send(new ApproveClaim(ClaimId.of("claim-17"), CommandId.of("ok"), granted.plusDays(1), T2))).isEmpty();
        assertThat(ledger.send(new LinkBankAccount(I0, CommandId.of("link"), ACCOUNT, ActingAs.TREASURER, TODAY, T1))).isEmpty();
        List<BankLine> lines = List.of(
                new BankLine(BankLineId.of("B-0"), granted, granted, Money.eur("400.00"), null, null, null),
                new BankLine(BankLineId.of("B-1"), granted.plusDays(2), granted.plusDays(2), Money.eur("-23.45"),
                        PaymentReference.of("claim-17"), null, null),
                new BankLine(BankLineId.of("B-2"), granted.plusDays(9), granted.plusDays(9), Money.eur("50.00"), null, null, null));
        assertThat(newEventsAfter(new ImportStatement(I0, CommandId.of("stmt-1"), ACCOUNT, StatementSource.CAMT053, from, to,
                Money.eur("0.00"), Money.eur("426.55"), lines, TODAY, T1))).singleElement().isInstanceOf(StatementImported.class);

        assertThat(newEventsAfter(new ConfirmMatch(I0, CommandId.of("m-0"), List.of(BankLineId.of("B-0")),
                List.of(CommandId.of("setup-f0")), TODAY, T1))).singleElement().isInstanceOf(BankLinesMatched.class);
        assertThat(newEventsAfter(new PayApprovedClaimFromBankLine(ClaimId.of("claim-17"), CommandId.of("pay-17"), BankLineId.of("B-1"), T1)))
                .hasExactlyElementsOfTypes(ClaimPaid.class, BankLinesMatched.class);
        assertThat(newEventsAfter(new RecordContributionFromBankLine(I0, CommandId.of("gift"), BankLineId.of("B-2"),
                ContributionSource.DONATION, null, T1))).hasSize(2);
        assertThat(newEventsAfter(new ClosePeriod(I0, CommandId.of("close"), to, TODAY, T1))).singleElement()
                .isEqualTo(new PeriodClosed(I0, Driver.WEST, CommandId.of("close"), ACCOUNT, from, to, Money.eur("426.55"), TODAY, T1,
                        CLOCK.instant()));

        assertThat(ledger.send(new SubmitClaim(ClaimId.of("claim-18"), Driver.WEST, I0, Money.eur("5.00"), ExpenseCategory.FOOD,
                ReceiptReference.of("bon-18"), from, NEIGHBOUR))).isEmpty();
        assertThat(ledger.send(new RejectClaim(ClaimId.of("claim-18"), CommandId.of("no"), RejectionReason.OTHER, null, to, T1)))
                .as("dated in the closed period").containsInstanceOf(DateInClosedPeriod.class);
        assertThat(ledger.send(new ReopenPeriod(I0, CommandId.of("re-1"), CommandId.of("close"), ReopenReason.MATCH_WRONG, null,
                ActingAs.TREASURER, TODAY, T1))).containsInstanceOf(ReopenNeedsSecondPerson.class);
        assertThat(ledger.send(new ReopenPeriod(I0, CommandId.of("re-2"), CommandId.of("close"), ReopenReason.MATCH_WRONG, null,
                ActingAs.COORDINATOR, TODAY, NEIGHBOUR))).containsInstanceOf(CoordinatorOnly.class);
        assertThat(newEventsAfter(new ReopenPeriod(I0, CommandId.of("re-3"), CommandId.of("close"), ReopenReason.MATCH_WRONG, null,
                ActingAs.COORDINATOR, TODAY, COORDINATOR))).singleElement().isInstanceOf(PeriodReopened.class);
        assertThat(newEventsAfter(new RejectClaim(ClaimId.of("claim-18"), CommandId.of("no"), RejectionReason.OTHER, null, to, T1)))
                .hasSize(1);
    }
}
