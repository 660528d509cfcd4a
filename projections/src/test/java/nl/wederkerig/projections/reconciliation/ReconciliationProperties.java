package nl.wederkerig.projections.reconciliation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ContributionSource;
import nl.wederkerig.core.funds.RecordContribution;
import nl.wederkerig.core.funds.RecordExpense;
import nl.wederkerig.core.harness.Driver;
import nl.wederkerig.core.harness.LedgerHarness;
import nl.wederkerig.core.reconciliation.ActingAs;
import nl.wederkerig.core.reconciliation.BankLine;
import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.reconciliation.ConfirmMatch;
import nl.wederkerig.core.reconciliation.ImportStatement;
import nl.wederkerig.core.reconciliation.LinkBankAccount;
import nl.wederkerig.core.reconciliation.PaymentReference;
import nl.wederkerig.core.reconciliation.StatementSource;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.ExpenseCategory;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.projections.support.GivenEvents;
import nl.wederkerig.projections.support.ReadModelDatabase;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random statements and ledgers, through the real aggregates and the read model: after the
 * treasurer confirms every exact proposal (and nothing else), the reconciliation's difference is
 * the sum of the lines still unmatched, and those are exactly the lines the ledger has no entry for.
 * With entries the bank never saw, it is the unmatched lines less those entries.
 */
class ReconciliationProperties {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
    static final InitiativeId FUND = Driver.initiative(0); // Driver.setUp(): 400.00 in its bank 30 days ago
    static final MemberId TREASURER = Driver.member(1);
    static final Iban ACCOUNT = Iban.parse("NL91ABNA0417164300");
    static final LocalDate FROM = TODAY.minusDays(20);
    static final LocalDate TO = TODAY.minusDays(1);

    /** What the ledger holds for a line: an entry the line names, nothing, or nothing though the line names an id. */
    enum Kind { WITH_ENTRY, NO_ENTRY, UNKNOWN_REFERENCE }

    record LineSpec(long cents, int day, Kind kind) {
    }

    @Provide
    Arbitrary<LineSpec> lines() {
        Arbitrary<Long> cents = Arbitraries.longs().between(-15_000, 60_000).filter(c -> c != 0);
        return Combinators.combine(cents, Arbitraries.integers().between(0, 19), Arbitraries.of(Kind.class)).as(LineSpec::new);
    }

    @Property(tries = 40)
    void afterConfirmingEveryExactProposalTheDifferenceIsTheSumOfUnmatchedLines(
            @ForAll @Size(min = 1, max = 30) List<@net.jqwik.api.From("lines") LineSpec> specs) {
        Outcome outcome = reconcile(specs, 0);
        assertThat(outcome.status().unmatchedEntries()).isZero();
        assertThat(outcome.status().difference()).isEqualTo(outcome.status().unmatchedLinesTotal());
        assertThat(outcome.status().difference().cents()).isEqualTo(outcome.linesWithoutEntryCents());
        assertThat(outcome.status().unmatchedLines()).isEqualTo(outcome.linesWithoutEntry());
    }

    @Property(tries = 20)
    void withEntriesTheBankNeverSawTheDifferenceIsUnmatchedLinesLessThoseEntries(
            @ForAll @Size(min = 1, max = 20) List<@net.jqwik.api.From("lines") LineSpec> specs,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 4) int unseen) {
        Outcome outcome = reconcile(specs, unseen);
        assertThat(outcome.status().unmatchedEntries()).isEqualTo(unseen);
        assertThat(outcome.status().difference())
                .isEqualTo(outcome.status().unmatchedLinesTotal().minus(outcome.status().unmatchedEntriesTotal()));
        assertThat(outcome.status().difference().cents()).isEqualTo(outcome.linesWithoutEntryCents() - outcome.unseenCents());
    }

    record Outcome(ReconciliationStatus status, long linesWithoutEntryCents, int linesWithoutEntry, long unseenCents) {
    }

    /** Records the ledger, imports the statement, confirms every exact proposal; {@code unseen} entries get no bank line. */
    static Outcome reconcile(List<LineSpec> specs, int unseen) {
        try (LedgerHarness ledger = new LedgerHarness(CLOCK)) {
            new Driver(TODAY, Driver.FRESH_COMMAND_IDS).setUp().forEach(command -> assertThat(ledger.send(command)).isEmpty());
            assertThat(ledger.send(new LinkBankAccount(FUND, CommandId.of("link"), ACCOUNT, ActingAs.TREASURER, TODAY, TREASURER))).isEmpty();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingInt(i -> specs.get(i).day()));
            Set<Integer> withEntry = new HashSet<>();
            for (int i : order) {
                LineSpec spec = specs.get(i);
                if (spec.kind() == Kind.WITH_ENTRY && ledger.send(entry("e-" + i, spec.cents(), FROM.plusDays(spec.day()))).isEmpty()) {
                    withEntry.add(i); // an expense the fund cannot cover is refused: then the line has no entry
                }
            }
            long unseenCents = 0;
            for (int u = 0; u < unseen; u++) {
                long cents = 1_00L + u;
                assertThat(ledger.send(entry("unseen-" + u, cents, TO))).isEmpty();
                unseenCents += cents;
            }
            List<BankLine> lines = new ArrayList<>();
            long sum = 0;
            long withoutEntryCents = 0;
            int withoutEntry = 0;
            for (int i = 0; i < specs.size(); i++) {
                LineSpec spec = specs.get(i);
                LocalDate on = FROM.plusDays(spec.day());
                PaymentReference reference = spec.kind() == Kind.NO_ENTRY ? null : PaymentReference.of(
                        spec.kind() == Kind.WITH_ENTRY ? "e-" + i : "nobody-" + i);
                lines.add(new BankLine(BankLineId.of("L" + i), on, on, Money.ofCents(spec.cents(), Money.EUR), reference, null, null));
                sum += spec.cents();
                if (!withEntry.contains(i)) {
                    withoutEntryCents += spec.cents();
                    withoutEntry++;
                }
            }
            Money opening = Money.eur("400.00");
            assertThat(ledger.send(new ImportStatement(FUND, CommandId.of("stmt"), ACCOUNT, StatementSource.CAMT053, FROM, TO, opening,
                    opening.plus(Money.ofCents(sum, Money.EUR)), lines, TODAY, TREASURER))).isEmpty();

            BankReconciliations recon = new BankReconciliations(ReadModelDatabase.fresh());
            GivenEvents given = GivenEvents.into(recon).given(ledger.events().toArray());
            int seen = ledger.events().size();
            int confirmed = 0;
            for (LineProposals proposals : recon.proposals(Driver.WEST, FUND)) {
                for (Matcher.Proposal proposal : proposals.proposals()) {
                    if (proposal.score() == Matcher.EXACT) {
                        assertThat(ledger.send(new ConfirmMatch(FUND, CommandId.of("m-" + confirmed++), List.of(proposals.line().lineId()),
                                List.of(CommandId.of(proposal.target().id())), TODAY, TREASURER))).isEmpty();
                    }
                }
            }
            assertThat(confirmed).as("every line with an entry had an exact proposal").isEqualTo(withEntry.size());
            List<Object> all = ledger.events();
            given.given(all.subList(seen, all.size()).toArray());
            return new Outcome(recon.status(Driver.WEST, FUND).orElseThrow(), withoutEntryCents, withoutEntry, unseenCents);
        }
    }

    static Object entry(String id, long cents, LocalDate on) {
        if (cents > 0) {
            return new RecordContribution(FUND, CommandId.of(id), Money.ofCents(cents, Money.EUR), ContributionSource.DONATION, null,
                    Channel.BANK, on, TREASURER);
        }
        return new RecordExpense(FUND, CommandId.of(id), Money.ofCents(-cents, Money.EUR), ExpenseCategory.FOOD,
                ReceiptReference.of("bon-" + id), Channel.BANK, on, TREASURER);
    }
}
