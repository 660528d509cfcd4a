package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.TestCommunity;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.OwnClaimApproval;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.ExpensePaid;
import nl.wederkerig.core.funds.Fund;
import nl.wederkerig.core.funds.FundEntryReversed;
import nl.wederkerig.core.funds.FundInsufficient;
import nl.wederkerig.core.funds.FundOpened;
import nl.wederkerig.core.funds.FundTransferred;
import nl.wederkerig.core.funds.NotTreasurer;
import nl.wederkerig.core.funds.PartnerMismatch;
import nl.wederkerig.core.funds.PayClaim;
import nl.wederkerig.core.funds.PayClaimFromBankLine;
import nl.wederkerig.core.funds.RecordContribution;
import nl.wederkerig.core.funds.RecordContributionFromBankLine;
import nl.wederkerig.core.funds.RecordExpense;
import nl.wederkerig.core.funds.RecordExpenseFromBankLine;
import nl.wederkerig.core.funds.ReverseFundEntry;
import nl.wederkerig.core.funds.TransferFunds;
import nl.wederkerig.core.funds.TreasurerAppointed;
import nl.wederkerig.core.shared.AmountNotPositive;
import nl.wederkerig.core.shared.BusinessDateOutOfRange;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReasonCode;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.core.shared.SealedText;
import nl.wederkerig.core.shared.WrongCurrency;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

import static nl.wederkerig.core.TestTime.CLOCK;
import static nl.wederkerig.core.TestTime.MONDAY;
import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of reconciliation on the fund, and every refusal, with the exact events (or none). */
class ReconciliationTest {

    static final CommunityId WEST = CommunityId.of("rotterdam-west");
    static final InitiativeId MEALS = InitiativeId.of("aanschuiven");
    static final MemberId COORD = MemberId.of("coord");
    static final MemberId DEWI = MemberId.of("dewi");
    static final MemberId EVA = MemberId.of("eva");
    static final MemberId CEES = MemberId.of("cees");
    static final Iban ACCOUNT = Iban.parse("NL91ABNA0417164300");
    static final Iban OTHER = Iban.parse("NL20INGB0001234567");
    static final LocalDate OCT_1 = LocalDate.parse("2026-10-01");
    static final LocalDate OCT_5 = LocalDate.parse("2026-10-05");
    static final LocalDate OCT_12 = LocalDate.parse("2026-10-12");
    static final LocalDate OCT_31 = LocalDate.parse("2026-10-31");
    static final LocalDate NOV_3 = LocalDate.parse("2026-11-03");
    static final LocalDate NOV_16 = MONDAY;
    static final CommandId LINK = CommandId.of("link-1");
    static final CommandId OCTOBER = CommandId.of("stmt-okt");
    static final CommandId IN = CommandId.of("in-1");
    static final CommandId OUT = CommandId.of("out-1");
    static final CommandId M1 = CommandId.of("m-1");
    static final CommandId CLOSE = CommandId.of("close-okt");
    static final BankLineId L1 = BankLineId.of("ABN1005001");
    static final BankLineId L2 = BankLineId.of("ABN1012002");
    static final BankLineId L3 = BankLineId.of("h-0123456789abcdef0123456789abcdef");
    static final SealedText DETAILS = new SealedText("cp-a", "c2VhbGVk");

    FixtureConfiguration<Fund> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Fund.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(TestCommunity.founded(WEST, COORD).members(DEWI, EVA, CEES)
                .initiatives(MEALS).parties());
    }

    // ---- the story's building blocks ----

    static Object opened() {
        return new FundOpened(MEALS, WEST, NOV_16, COORD, NOW);
    }

    static Object treasurer(MemberId member, String id) {
        return new TreasurerAppointed(MEALS, WEST, CommandId.of(id), member, NOV_16, COORD, NOW);
    }

    static Object linked() {
        return new BankAccountLinked(MEALS, WEST, LINK, ACCOUNT, ActingAs.TREASURER, NOV_16, DEWI, NOW);
    }

    static ContributionReceived received(CommandId id, String amount, LocalDate on) {
        return new ContributionReceived(MEALS, WEST, id, Money.eur(amount), ContributionSource.DONATION, null, Channel.BANK, on, DEWI, NOW);
    }

    static ContributionReceived grant(CommandId id, String amount, LocalDate on) {
        return new ContributionReceived(MEALS, WEST, id, Money.eur(amount), ContributionSource.GRANT, null, Channel.BANK, on, DEWI, NOW);
    }

    static ExpensePaid paid(CommandId id, String amount, LocalDate on) {
        return new ExpensePaid(MEALS, WEST, id, Money.eur(amount), ExpenseCategory.FOOD, ReceiptReference.of("bon-1"), Channel.BANK,
                on, DEWI, NOW);
    }

    static BankLine line(BankLineId id, String amount, LocalDate on) {
        return new BankLine(id, on, on, Money.eur(amount), null, null, DETAILS);
    }

    static ImportStatement statement(CommandId id, LocalDate from, LocalDate to, String opening, String closing, BankLine... lines) {
        return new ImportStatement(MEALS, id, ACCOUNT, StatementSource.CAMT053, from, to, money(opening), money(closing),
                List.of(lines), TODAY, DEWI);
    }

    static Money money(String amount) {
        return amount == null ? null : Money.eur(amount);
    }

    static StatementImported imported(ImportStatement command, Continuity continuity, List<BankLine> newLines, List<BankLineId> already) {
        return new StatementImported(MEALS, WEST, command.statementId(), command.iban(), command.source(), command.from(),
                command.to(), command.openingBalance(), command.closingBalance(), continuity, newLines, already,
                Reconciliation.contentHash(command), command.businessDate(), command.actor(), NOW);
    }

    /** October's statement: 0.00 + 100.00 (L1, 5 Oct) - 40.00 (L2, 12 Oct) = 60.00. */
    static ImportStatement october() {
        return statement(OCTOBER, OCT_1, OCT_31, "0.00", "60.00", line(L1, "100.00", OCT_5), line(L2, "-40.00", OCT_12));
    }

    static StatementImported octoberImported() {
        ImportStatement october = october();
        return imported(october, Continuity.FIRST, october.lines(), List.of());
    }

    static BankLinesMatched matched(CommandId id, List<BankLineId> lines, List<CommandId> entries, String amount, LocalDate on) {
        return new BankLinesMatched(MEALS, WEST, id, lines, entries, Money.eur(amount), on, DEWI, NOW);
    }

    /** A fund with two treasurers, the account linked, October's statement imported and its two lines booked and matched. */
    static Object[] reconciledOctober(Object... more) {
        List<Object> events = new ArrayList<>(List.of(opened(), treasurer(DEWI, "t-1"), treasurer(EVA, "t-2"), linked(),
                received(IN, "100.00", OCT_5), paid(OUT, "40.00", OCT_12), octoberImported(),
                matched(M1, List.of(L1), List.of(IN), "100.00", TODAY), matched(CommandId.of("m-2"), List.of(L2), List.of(OUT), "-40.00", TODAY)));
        events.addAll(Arrays.asList(more));
        return events.toArray();
    }

    static PeriodClosed closedOctober() {
        return new PeriodClosed(MEALS, WEST, CLOSE, ACCOUNT, OCT_1, OCT_31, Money.eur("60.00"), TODAY, DEWI, NOW);
    }

    static Object[] base(Object... more) {
        List<Object> events = new ArrayList<>(List.of(opened(), treasurer(DEWI, "t-1"), treasurer(EVA, "t-2"), linked()));
        events.addAll(Arrays.asList(more));
        return events.toArray();
    }

    @Nested
    class LinkingTheAccount {
        @Test
        void aTreasurerLinksTheInitiativesAccount() {
            fixture.given(opened(), treasurer(DEWI, "t-1"))
                    .when(new LinkBankAccount(MEALS, LINK, ACCOUNT, ActingAs.TREASURER, NOV_16, DEWI))
                    .expectEvents(linked());
        }

        @Test
        void aCoordinatorLinksItActingAsCoordinator() {
            fixture.given(opened(), treasurer(DEWI, "t-1"))
                    .when(new LinkBankAccount(MEALS, LINK, ACCOUNT, ActingAs.COORDINATOR, NOV_16, COORD))
                    .expectEvents(new BankAccountLinked(MEALS, WEST, LINK, ACCOUNT, ActingAs.COORDINATOR, NOV_16, COORD, NOW));
        }

        @Test
        void someoneElseActingAsTreasurerIsRefused() {
            fixture.given(opened(), treasurer(DEWI, "t-1"))
                    .when(new LinkBankAccount(MEALS, LINK, ACCOUNT, ActingAs.TREASURER, NOV_16, CEES))
                    .expectException(NotTreasurer.class).expectNoEvents();
        }

        @Test
        void aRetryOrTheSameAccountAgainChangesNothing() {
            fixture.given(base()).when(new LinkBankAccount(MEALS, LINK, ACCOUNT, ActingAs.TREASURER, NOV_16, DEWI))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(base()).when(new LinkBankAccount(MEALS, CommandId.of("link-2"), ACCOUNT, ActingAs.TREASURER, TODAY, EVA))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void anotherAccountIsRefusedAndTheIdCannotBeReused() {
            fixture.given(base()).when(new LinkBankAccount(MEALS, CommandId.of("link-2"), OTHER, ActingAs.TREASURER, TODAY, DEWI))
                    .expectException(BankAccountAlreadyLinked.class).expectNoEvents();
            fixture.given(base()).when(new LinkBankAccount(MEALS, LINK, OTHER, ActingAs.TREASURER, NOV_16, DEWI))
                    .expectException(CommandIdReused.class).expectNoEvents();
        }
    }

    @Nested
    class Importing {
        @Test
        void theFirstStatementBringsItsLines() {
            ImportStatement october = october();
            fixture.given(base()).when(october)
                    .expectEvents(imported(october, Continuity.FIRST, october.lines(), List.of()))
                    .expectResultMessagePayload(new StatementImportOutcome(OCTOBER, Continuity.FIRST, 2, 2, 0, true));
        }

        @Test
        void importingTheSameFileAgainAddsNothingAndSaysSo() {
            ImportStatement again = statement(CommandId.of("stmt-okt-again"), OCT_1, OCT_31, "0.00", "60.00",
                    line(L1, "100.00", OCT_5), line(L2, "-40.00", OCT_12));
            fixture.given(base(octoberImported())).when(again).expectSuccessfulHandlerExecution().expectNoEvents()
                    .expectResultMessagePayload(new StatementImportOutcome(again.statementId(), Continuity.OVERLAP, 2, 0, 2, false));
        }

        @Test
        void aRetryAnswersWhatTheFirstImportDid() {
            fixture.given(base(octoberImported())).when(october()).expectNoEvents()
                    .expectResultMessagePayload(new StatementImportOutcome(OCTOBER, Continuity.FIRST, 2, 2, 0, true));
        }

        @Test
        void theSameStatementIdWithOtherContentIsRefused() {
            ImportStatement other = statement(OCTOBER, OCT_1, OCT_31, "0.00", "100.00", line(L1, "100.00", OCT_5));
            fixture.given(base(octoberImported())).when(other).expectException(CommandIdReused.class).expectNoEvents();
        }

        @Test
        void anOverlappingStatementAddsOnlyItsNewLines() {
            BankLine third = line(L3, "-5.00", LocalDate.parse("2026-11-02"));
            ImportStatement overlap = statement(CommandId.of("stmt-2"), OCT_12, LocalDate.parse("2026-11-02"), "100.00", "55.00",
                    line(L2, "-40.00", OCT_12), third);
            fixture.given(base(octoberImported())).when(overlap)
                    .expectEvents(imported(overlap, Continuity.OVERLAP, List.of(third), List.of(L2)))
                    .expectResultMessagePayload(new StatementImportOutcome(overlap.statementId(), Continuity.OVERLAP, 2, 1, 1, true));
        }

        @Test
        void theNextMonthConnects() {
            ImportStatement november = statement(CommandId.of("stmt-nov"), LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-20"),
                    "60.00", "65.00", line(L3, "5.00", NOV_3));
            fixture.given(base(octoberImported())).when(november)
                    .expectEvents(imported(november, Continuity.CONNECTS, november.lines(), List.of()));
        }

        @Test
        void missingDaysOrMissingMoneyIsAGap() {
            ImportStatement late = statement(CommandId.of("stmt-nov"), LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-20"),
                    "60.00", "65.00", line(L3, "5.00", NOV_3));
            fixture.given(base(octoberImported())).when(late).expectEvents(imported(late, Continuity.GAP, late.lines(), List.of()));
            ImportStatement offByMoney = statement(CommandId.of("stmt-nov"), LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-20"),
                    "61.00", "66.00", line(L3, "5.00", NOV_3));
            fixture.given(base(octoberImported())).when(offByMoney)
                    .expectEvents(imported(offByMoney, Continuity.GAP, offByMoney.lines(), List.of()));
        }

        @Test
        void aQuietMonthWithoutLinesIsRecordedForItsBalance() {
            ImportStatement quiet = statement(CommandId.of("stmt-nov"), LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-20"),
                    "60.00", "60.00");
            fixture.given(base(octoberImported())).when(quiet).expectEvents(imported(quiet, Continuity.CONNECTS, List.of(), List.of()));
        }

        @Test
        void aStatementOfAnotherAccountOrWithoutLinkedAccountIsRefused() {
            ImportStatement other = new ImportStatement(MEALS, OCTOBER, OTHER, StatementSource.MT940, OCT_1, OCT_31, null, null,
                    List.of(line(L1, "1.00", OCT_5)), TODAY, DEWI);
            fixture.given(base()).when(other).expectException(IbanNotLinked.class).expectNoEvents();
            fixture.given(opened(), treasurer(DEWI, "t-1")).when(october()).expectException(IbanNotLinked.class).expectNoEvents();
        }

        @Test
        void aStatementThatDoesNotAddUpIsRefused() {
            fixture.given(base()).when(statement(OCTOBER, OCT_1, OCT_31, "0.00", "60.01", line(L1, "100.00", OCT_5),
                    line(L2, "-40.00", OCT_12))).expectException(StatementDoesNotAddUp.class).expectNoEvents();
        }

        @Test
        void aStatementWithoutBalancesNeedsNotAddUp() {
            ImportStatement csv = new ImportStatement(MEALS, OCTOBER, ACCOUNT, StatementSource.CSV_ING, OCT_5, OCT_12, null, null,
                    List.of(line(L1, "100.00", OCT_5)), TODAY, DEWI);
            fixture.given(base()).when(csv).expectEvents(imported(csv, Continuity.FIRST, csv.lines(), List.of()));
        }

        @Test
        void malformedStatementsAreRefused() {
            fixture.given(base()).when(statement(OCTOBER, OCT_1, OCT_31, null, null, line(L1, "1.00", NOV_3)))
                    .expectException(BankLineOutsidePeriod.class).expectNoEvents();
            fixture.given(base()).when(statement(OCTOBER, OCT_1, OCT_31, null, null, line(L1, "1.00", OCT_5), line(L1, "1.00", OCT_5)))
                    .expectException(DuplicateBankLine.class).expectNoEvents();
            fixture.given(base()).when(statement(OCTOBER, OCT_31, OCT_1, null, null))
                    .expectException(StatementPeriodInvalid.class).expectNoEvents();
            fixture.given(base()).when(statement(OCTOBER, OCT_1, TODAY.plusDays(1), null, null))
                    .expectException(StatementPeriodInvalid.class).expectNoEvents();
            fixture.given(base()).when(statement(OCTOBER, OCT_1, OCT_31, null, null, line(L1, "0.00", OCT_5)))
                    .expectException(AmountNotPositive.class).expectNoEvents();
            BankLine dollars = new BankLine(L1, OCT_5, OCT_5, new Money(BigDecimal.ONE, Currency.getInstance("USD")), null, null, null);
            fixture.given(base()).when(statement(OCTOBER, OCT_1, OCT_31, null, null, dollars))
                    .expectException(WrongCurrency.class).expectNoEvents();
        }

        @Test
        void aLineImportedBeforeWithOtherContentIsAConflict() {
            fixture.given(base(octoberImported()))
                    .when(statement(CommandId.of("stmt-2"), OCT_1, OCT_31, null, null, line(L1, "100.01", OCT_5)))
                    .expectException(BankLineConflict.class).expectNoEvents();
        }

        @Test
        void onlyATreasurerImports() {
            fixture.given(base()).when(new ImportStatement(MEALS, OCTOBER, ACCOUNT, StatementSource.CAMT053, OCT_1, OCT_31, null, null,
                    List.of(), TODAY, CEES)).expectException(NotTreasurer.class).expectNoEvents();
        }

        @Test
        void aNewLineInAClosedPeriodContradictsTheCloseAndIsRefused() {
            ImportStatement late = statement(CommandId.of("stmt-late"), OCT_1, OCT_31, null, null, line(L3, "-1.00", OCT_12));
            fixture.given(reconciledOctober(closedOctober())).when(late).expectException(DateInClosedPeriod.class).expectNoEvents();
        }
    }

    @Nested
    class Matching {
        static final CommandId M = CommandId.of("match-x");

        @Test
        void oneLineToOneEntry() {
            fixture.given(base(received(IN, "100.00", OCT_5), octoberImported()))
                    .when(new ConfirmMatch(MEALS, M, List.of(L1), List.of(IN), TODAY, DEWI))
                    .expectEvents(matched(M, List.of(L1), List.of(IN), "100.00", TODAY));
        }

        @Test
        void oneLineToSeveralEntries() {
            CommandId a = CommandId.of("in-a");
            CommandId b = CommandId.of("in-b");
            fixture.given(base(received(a, "70.00", OCT_5), received(b, "30.00", OCT_5), octoberImported()))
                    .when(new ConfirmMatch(MEALS, M, List.of(L1), List.of(a, b), TODAY, DEWI))
                    .expectEvents(matched(M, List.of(L1), List.of(a, b), "100.00", TODAY));
        }

        @Test
        void severalLinesToOneEntry() {
            ImportStatement two = statement(OCTOBER, OCT_1, OCT_31, null, null, line(L1, "60.00", OCT_5), line(L2, "40.00", OCT_12));
            fixture.given(base(received(IN, "100.00", OCT_5), imported(two, Continuity.FIRST, two.lines(), List.of())))
                    .when(new ConfirmMatch(MEALS, M, List.of(L1, L2), List.of(IN), TODAY, DEWI))
                    .expectEvents(matched(M, List.of(L1, L2), List.of(IN), "100.00", TODAY));
        }

        @Test
        void moneyOutMatchesExpensesTransfersAndReversals() {
            CommandId toCash = CommandId.of("to-cash");
            CommandId undo = CommandId.of("undo-1");
            ContributionReceived wrong = received(CommandId.of("wrong"), "15.00", OCT_5);
            fixture.given(base(received(IN, "100.00", OCT_5), paid(OUT, "20.00", OCT_12),
                            new FundTransferred(MEALS, WEST, toCash, Money.eur("5.00"), Channel.BANK, Channel.CASH_BOX, OCT_12, DEWI, NOW),
                            wrong, new FundEntryReversed(MEALS, WEST, undo, wrong, ReversalReason.ENTERED_IN_ERROR, OCT_12, DEWI, NOW),
                            octoberImported()))
                    .when(new ConfirmMatch(MEALS, M, List.of(L2), List.of(OUT, toCash, undo), TODAY, DEWI))
                    .expectEvents(matched(M, List.of(L2), List.of(OUT, toCash, undo), "-40.00", TODAY)); // -20 - 5 - 15
        }

        @Test
        void amountsThatDifferAreRefused() {
            fixture.given(base(received(IN, "99.99", OCT_5), octoberImported()))
                    .when(new ConfirmMatch(MEALS, M, List.of(L1), List.of(IN), TODAY, DEWI))
                    .expectException(MatchAmountsDiffer.class).expectNoEvents();
        }

        @Test
        void unknownOrAlreadyMatchedLinesAndEntriesAreRefused() {
            Object[] given = base(received(IN, "100.00", OCT_5), octoberImported(), matched(M1, List.of(L1), List.of(IN), "100.00", TODAY));
            fixture.given(given).when(new ConfirmMatch(MEALS, M, List.of(L3), List.of(IN), TODAY, DEWI))
                    .expectException(UnknownBankLine.class).expectNoEvents();
            fixture.given(given).when(new ConfirmMatch(MEALS, M, List.of(L1), List.of(IN), TODAY, DEWI))
                    .expectException(BankLineAlreadyMatched.class).expectNoEvents();
            fixture.given(given).when(new ConfirmMatch(MEALS, M, List.of(L2), List.of(CommandId.of("nothing")), TODAY, DEWI))
                    .expectException(UnknownBankEntry.class).expectNoEvents();
            fixture.given(given).when(new ConfirmMatch(MEALS, M, List.of(L2), List.of(IN), TODAY, DEWI))
                    .expectException(BankEntryAlreadyMatched.class).expectNoEvents();
        }

        @Test
        void aCashBoxEntryNeverMatchesABankLine() {
            ContributionReceived cash = new ContributionReceived(MEALS, WEST, IN, Money.eur("100.00"), ContributionSource.DONATION, null,
                    Channel.CASH_BOX, OCT_5, DEWI, NOW);
            fixture.given(base(cash, octoberImported())).when(new ConfirmMatch(MEALS, M, List.of(L1), List.of(IN), TODAY, DEWI))
                    .expectException(UnknownBankEntry.class).expectNoEvents();
        }

        @Test
        void aMatchHoldsAtLeastOneOfEachAndEachOnce() {
            Object[] given = base(received(IN, "100.00", OCT_5), octoberImported());
            fixture.given(given).when(new ConfirmMatch(MEALS, M, List.of(), List.of(IN), TODAY, DEWI))
                    .expectException(MatchSizeOutOfRange.class).expectNoEvents();
            fixture.given(given).when(new ConfirmMatch(MEALS, M, List.of(L1), List.of(), TODAY, DEWI))
                    .expectException(MatchSizeOutOfRange.class).expectNoEvents();
            fixture.given(given).when(new ConfirmMatch(MEALS, M, List.of(L1, L1), List.of(IN), TODAY, DEWI))
                    .expectException(MatchSizeOutOfRange.class).expectNoEvents();
        }

        @Test
        void aRetryChangesNothingAndOnlyATreasurerMatches() {
            Object[] given = base(received(IN, "100.00", OCT_5), octoberImported(), matched(M, List.of(L1), List.of(IN), "100.00", TODAY));
            fixture.given(given).when(new ConfirmMatch(MEALS, M, List.of(L1), List.of(IN), TODAY, DEWI)).expectNoEvents();
            fixture.given(base(received(IN, "100.00", OCT_5), octoberImported()))
                    .when(new ConfirmMatch(MEALS, M, List.of(L1), List.of(IN), TODAY, CEES))
                    .expectException(NotTreasurer.class).expectNoEvents();
        }
    }

    @Nested
    class BookingALine {
        static final CommandId B = CommandId.of("book-1");

        @Test
        void aLineOfMoneyInBecomesAContributionMatchedToIt() {
            fixture.given(base(octoberImported()))
                    .when(new RecordContributionFromBankLine(MEALS, B, L1, ContributionSource.GRANT, null, DEWI))
                    .expectEvents(new ContributionReceived(MEALS, WEST, B, Money.eur("100.00"), ContributionSource.GRANT, null, Channel.BANK,
                                    OCT_5, DEWI, NOW),
                            matched(B, List.of(L1), List.of(B), "100.00", OCT_5));
        }

        @Test
        void aLineOfMoneyOutBecomesAnExpenseWithTheLineAsReceipt() {
            fixture.given(base(received(IN, "100.00", OCT_5), octoberImported()))
                    .when(new RecordExpenseFromBankLine(MEALS, B, L2, ExpenseCategory.BANK_COSTS, null, DEWI))
                    .expectEvents(new ExpensePaid(MEALS, WEST, B, Money.eur("40.00"), ExpenseCategory.BANK_COSTS, Fund.bankLineReceipt(L2),
                                    Channel.BANK, OCT_12, DEWI, NOW),
                            matched(B, List.of(L2), List.of(B), "-40.00", OCT_12));
            assertThat(Fund.bankLineReceipt(L2).value()).matches("bank-line-[0-9a-f]{16}");
        }

        @Test
        void theFundsOwnRulesApply() {
            fixture.given(base(octoberImported()))
                    .when(new RecordContributionFromBankLine(MEALS, B, L1, ContributionSource.PARTNER, null, DEWI))
                    .expectException(PartnerMismatch.class).expectNoEvents();
            fixture.given(base(octoberImported())) // nothing in the bank yet to pay 40.00 from
                    .when(new RecordExpenseFromBankLine(MEALS, B, L2, ExpenseCategory.FOOD, ReceiptReference.of("bon-9"), DEWI))
                    .expectException(FundInsufficient.class).expectNoEvents();
            fixture.given(base(octoberImported()))
                    .when(new RecordContributionFromBankLine(MEALS, B, L1, ContributionSource.GRANT, null, CEES))
                    .expectException(NotTreasurer.class).expectNoEvents();
        }

        @Test
        void theDirectionMustFit() {
            fixture.given(base(octoberImported()))
                    .when(new RecordContributionFromBankLine(MEALS, B, L2, ContributionSource.GRANT, null, DEWI))
                    .expectException(BankLineDirection.class).expectNoEvents();
            fixture.given(base(octoberImported()))
                    .when(new RecordExpenseFromBankLine(MEALS, B, L1, ExpenseCategory.FOOD, null, DEWI))
                    .expectException(BankLineDirection.class).expectNoEvents();
        }

        @Test
        void aRetryChangesNothingButTheIdIsNotReusedForAnotherLine() {
            Object[] booked = base(octoberImported(), grant(B, "100.00", OCT_5),
                    matched(B, List.of(L1), List.of(B), "100.00", OCT_5));
            fixture.given(booked).when(new RecordContributionFromBankLine(MEALS, B, L1, ContributionSource.GRANT, null, DEWI))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(booked).when(new RecordContributionFromBankLine(MEALS, B, L1, ContributionSource.DONATION, null, DEWI))
                    .expectException(CommandIdReused.class).expectNoEvents();
            fixture.given(base(octoberImported(), grant(B, "100.00", OCT_5)))
                    .when(new RecordContributionFromBankLine(MEALS, B, L1, ContributionSource.GRANT, null, DEWI))
                    .expectException(CommandIdReused.class).expectNoEvents(); // recorded by hand, not booked from the line
        }

        @Test
        void aMatchedLineIsNotBookedAgain() {
            fixture.given(base(received(IN, "100.00", OCT_5), octoberImported(), matched(M1, List.of(L1), List.of(IN), "100.00", TODAY)))
                    .when(new RecordContributionFromBankLine(MEALS, B, L1, ContributionSource.GRANT, null, DEWI))
                    .expectException(BankLineAlreadyMatched.class).expectNoEvents();
        }

        @Test
        void anApprovedClaimIsPaidByTheLineThatShowsThePayment() {
            ClaimId claim = ClaimId.of("claim-17");
            fixture.given(base(received(IN, "100.00", OCT_5), octoberImported()))
                    .when(new PayClaimFromBankLine(MEALS, B, claim, CEES, Money.eur("40.00"), EVA, L2, DEWI))
                    .expectEvents(new ClaimPaid(MEALS, WEST, B, claim, CEES, EVA, Money.eur("40.00"), Channel.BANK, OCT_12, DEWI, NOW),
                            matched(B, List.of(L2), List.of(B), "-40.00", OCT_12));
            fixture.given(base(received(IN, "100.00", OCT_5), octoberImported()))
                    .when(new PayClaimFromBankLine(MEALS, B, claim, CEES, Money.eur("39.00"), EVA, L2, DEWI))
                    .expectException(MatchAmountsDiffer.class).expectNoEvents();
            fixture.given(base(received(IN, "100.00", OCT_5), octoberImported()))
                    .when(new PayClaimFromBankLine(MEALS, B, claim, EVA, Money.eur("40.00"), EVA, L2, DEWI))
                    .expectException(OwnClaimApproval.class).expectNoEvents();
        }
    }

    @Nested
    class Closing {
        static final ClosePeriod CLOSE_OCTOBER = new ClosePeriod(MEALS, CLOSE, OCT_31, TODAY, DEWI);

        @Test
        void closesWhenTheBalancesAgreeAndEveryLineIsMatched() {
            fixture.given(reconciledOctober()).when(CLOSE_OCTOBER).expectEvents(closedOctober());
            fixture.given(reconciledOctober(closedOctober())).when(CLOSE_OCTOBER).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void anUnmatchedLineRefusesTheClose() {
            fixture.given(base(received(IN, "100.00", OCT_5), paid(OUT, "40.00", OCT_12), octoberImported(),
                            matched(M1, List.of(L1), List.of(IN), "100.00", TODAY)))
                    .when(CLOSE_OCTOBER).expectException(UnmatchedBankLines.class).expectNoEvents();
        }

        @Test
        void aWrongBalanceRefusesTheClose() {
            // an entry the bank never saw: the ledger says 65.00, the statement 60.00
            fixture.given(reconciledOctober(received(CommandId.of("extra"), "5.00", OCT_12)))
                    .when(CLOSE_OCTOBER).expectException(BankBalanceDiffers.class).expectNoEvents();
        }

        @Test
        void theBalanceMustBeKnownForThatDay() {
            fixture.given(reconciledOctober()).when(new ClosePeriod(MEALS, CLOSE, NOV_3, TODAY, DEWI))
                    .expectException(StatementBalanceUnknown.class).expectNoEvents();
        }

        @Test
        void aDayInsideAStatementUsesItsOpeningAndLinesUpToThatDay() {
            // at the end of 5 October the bank held 0.00 + 100.00, and so did the ledger
            fixture.given(reconciledOctober()).when(new ClosePeriod(MEALS, CLOSE, OCT_5, TODAY, DEWI))
                    .expectEvents(new PeriodClosed(MEALS, WEST, CLOSE, ACCOUNT, OCT_1, OCT_5, Money.eur("100.00"), TODAY, DEWI, NOW));
        }

        @Test
        void refusedWithoutAccountTwiceInTheFutureOrByANonTreasurer() {
            fixture.given(opened(), treasurer(DEWI, "t-1")).when(CLOSE_OCTOBER).expectException(IbanNotLinked.class).expectNoEvents();
            fixture.given(reconciledOctober(closedOctober())).when(new ClosePeriod(MEALS, CommandId.of("close-2"), OCT_31, TODAY, DEWI))
                    .expectException(PeriodAlreadyClosed.class).expectNoEvents();
            fixture.given(reconciledOctober()).when(new ClosePeriod(MEALS, CLOSE, TODAY.plusDays(1), TODAY, DEWI))
                    .expectException(BusinessDateOutOfRange.class).expectNoEvents();
            fixture.given(reconciledOctober()).when(new ClosePeriod(MEALS, CLOSE, OCT_31, TODAY, CEES))
                    .expectException(NotTreasurer.class).expectNoEvents();
        }

        @Test
        void nothingIsRecordedIntoTheClosedPeriodAfterwards() {
            Object[] closed = reconciledOctober(closedOctober());
            CommandId late = CommandId.of("late");
            fixture.given(closed).when(new RecordContribution(MEALS, late, Money.eur("1.00"), ContributionSource.DONATION, null,
                    Channel.CASH_BOX, OCT_31, DEWI)).expectException(DateInClosedPeriod.class).expectNoEvents();
            fixture.given(closed).when(new RecordExpense(MEALS, late, Money.eur("1.00"), ExpenseCategory.FOOD, ReceiptReference.of("b"),
                    Channel.BANK, OCT_12, DEWI)).expectException(DateInClosedPeriod.class).expectNoEvents();
            fixture.given(closed).when(new TransferFunds(MEALS, late, Money.eur("1.00"), Channel.BANK, Channel.CASH_BOX, OCT_1, EVA))
                    .expectException(DateInClosedPeriod.class).expectNoEvents();
            fixture.given(closed).when(new PayClaim(MEALS, late, ClaimId.of("claim-1"), CEES, Money.eur("1.00"), EVA, Channel.BANK,
                    OCT_31, DEWI)).expectException(DateInClosedPeriod.class).expectNoEvents();
            fixture.given(closed).when(new ReverseFundEntry(MEALS, late, IN, ReversalReason.ENTERED_IN_ERROR, OCT_31, DEWI))
                    .expectException(DateInClosedPeriod.class).expectNoEvents();
            fixture.given(closed).when(new ConfirmMatch(MEALS, late, List.of(L1), List.of(IN), OCT_31, DEWI))
                    .expectException(DateInClosedPeriod.class).expectNoEvents();
        }

        @Test
        void correctionsAreDatedInAnOpenPeriod() {
            Object[] closed = reconciledOctober(closedOctober());
            CommandId fix = CommandId.of("fix-1");
            fixture.given(closed).when(new ReverseFundEntry(MEALS, fix, OUT, ReversalReason.ENTERED_IN_ERROR, NOV_3, DEWI))
                    .expectEvents(new FundEntryReversed(MEALS, WEST, fix, paid(OUT, "40.00", OCT_12), ReversalReason.ENTERED_IN_ERROR,
                            NOV_3, DEWI, NOW));
            fixture.given(closed).when(new RecordContribution(MEALS, fix, Money.eur("1.00"), ContributionSource.DONATION, null,
                    Channel.BANK, LocalDate.parse("2026-11-01"), DEWI)).expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Reopening {
        static final CommandId REOPEN = CommandId.of("reopen-1");

        static PeriodReopened reopened(MemberId by, ActingAs as, LocalDate closedThrough) {
            return new PeriodReopened(MEALS, WEST, REOPEN, CLOSE, OCT_31, closedThrough, ReopenReason.ENTRY_MISSING,
                    ReasonCode.of("bon-gevonden"), as, TODAY, by, NOW);
        }

        @Test
        void anotherTreasurerReopensWithAReason() {
            fixture.given(reconciledOctober(closedOctober()))
                    .when(new ReopenPeriod(MEALS, REOPEN, CLOSE, ReopenReason.ENTRY_MISSING, ReasonCode.of("bon-gevonden"),
                            ActingAs.TREASURER, TODAY, EVA))
                    .expectEvents(reopened(EVA, ActingAs.TREASURER, null));
        }

        @Test
        void aCoordinatorReopensActingAsCoordinator() {
            fixture.given(reconciledOctober(closedOctober()))
                    .when(new ReopenPeriod(MEALS, REOPEN, CLOSE, ReopenReason.ENTRY_MISSING, ReasonCode.of("bon-gevonden"),
                            ActingAs.COORDINATOR, TODAY, COORD))
                    .expectEvents(reopened(COORD, ActingAs.COORDINATOR, null));
        }

        @Test
        void theMemberWhoClosedNeverReopens() {
            fixture.given(reconciledOctober(closedOctober()))
                    .when(new ReopenPeriod(MEALS, REOPEN, CLOSE, ReopenReason.OTHER, null, ActingAs.TREASURER, TODAY, DEWI))
                    .expectException(ReopenNeedsSecondPerson.class).expectNoEvents();
        }

        @Test
        void onlyTheLatestCloseAndOnlyByATreasurerOrCoordinator() {
            fixture.given(reconciledOctober()).when(new ReopenPeriod(MEALS, REOPEN, CLOSE, ReopenReason.OTHER, null,
                    ActingAs.TREASURER, TODAY, EVA)).expectException(NotTheLatestClose.class).expectNoEvents();
            fixture.given(reconciledOctober(closedOctober())).when(new ReopenPeriod(MEALS, REOPEN, CommandId.of("close-old"),
                    ReopenReason.OTHER, null, ActingAs.TREASURER, TODAY, EVA)).expectException(NotTheLatestClose.class).expectNoEvents();
            fixture.given(reconciledOctober(closedOctober())).when(new ReopenPeriod(MEALS, REOPEN, CLOSE, ReopenReason.OTHER, null,
                    ActingAs.TREASURER, TODAY, CEES)).expectException(NotTreasurer.class).expectNoEvents();
        }

        @Test
        void afterReopeningTheEarlierCloseStillHolds() {
            PeriodClosed first = new PeriodClosed(MEALS, WEST, CommandId.of("close-5"), ACCOUNT, OCT_1, OCT_5, Money.eur("100.00"), TODAY,
                    DEWI, NOW);
            PeriodClosed second = new PeriodClosed(MEALS, WEST, CLOSE, ACCOUNT, LocalDate.parse("2026-10-06"), OCT_31, Money.eur("60.00"),
                    TODAY, DEWI, NOW);
            Object[] twice = reconciledOctober(first, second);
            fixture.given(twice).when(new ReopenPeriod(MEALS, REOPEN, CLOSE, ReopenReason.ENTRY_MISSING, ReasonCode.of("bon-gevonden"),
                    ActingAs.TREASURER, TODAY, EVA)).expectEvents(reopened(EVA, ActingAs.TREASURER, OCT_5));
            Object[] reopened = reconciledOctober(first, second, reopened(EVA, ActingAs.TREASURER, OCT_5));
            fixture.given(reopened).when(new RecordContribution(MEALS, CommandId.of("back"), Money.eur("1.00"), ContributionSource.DONATION,
                    null, Channel.CASH_BOX, OCT_12, DEWI)).expectSuccessfulHandlerExecution();
            fixture.given(reopened).when(new RecordContribution(MEALS, CommandId.of("back"), Money.eur("1.00"), ContributionSource.DONATION,
                    null, Channel.CASH_BOX, OCT_5, DEWI)).expectException(DateInClosedPeriod.class).expectNoEvents();
        }
    }
}
