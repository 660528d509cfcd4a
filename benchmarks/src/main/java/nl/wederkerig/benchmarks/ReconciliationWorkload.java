package nl.wederkerig.benchmarks;

import nl.wederkerig.core.reconciliation.ActingAs;
import nl.wederkerig.core.reconciliation.BankAccountLinked;
import nl.wederkerig.core.reconciliation.BankLine;
import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.reconciliation.CounterpartyKey;
import nl.wederkerig.core.reconciliation.ImportStatement;
import nl.wederkerig.core.reconciliation.PaymentReference;
import nl.wederkerig.core.reconciliation.Reconciliation;
import nl.wederkerig.core.reconciliation.StatementImported;
import nl.wederkerig.core.reconciliation.StatementSource;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.reconciliation.Matcher;
import nl.wederkerig.statements.BankStatement;
import nl.wederkerig.statements.CounterpartyKeys;
import nl.wederkerig.statements.StatementChecks;
import nl.wederkerig.statements.StatementFormat;
import nl.wederkerig.statements.StatementLine;
import nl.wederkerig.statements.StatementReader;
import nl.wederkerig.statements.SyntheticCamt053;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The library half of "import a statement and propose matches" (issue 13's benchmark row: a
 * 5,000-line CAMT.053 against a fund with 5,000 entries, target under 2 s): read and check the file,
 * let the fund's reconciliation decide the import (every rule the aggregate applies), and propose
 * matches with {@link Matcher}. No database, no HTTP: the application adds storing the event and
 * projecting it. Callable from the benchmark table; the test runs it small.
 */
public final class ReconciliationWorkload {

    static final Iban ACCOUNT = Iban.parse("NL91ABNA0417164300");
    static final InitiativeId FUND = InitiativeId.of("aanschuiven");
    static final CommunityId COMMUNITY = CommunityId.of("rotterdam-west");
    static final MemberId TREASURER = MemberId.of("amina");
    static final byte[] COUNTERPARTY_SECRET = "benchmark secret, not a real one".getBytes(StandardCharsets.UTF_8);

    /** What one run took, in milliseconds, and what it found. */
    public record Figures(int lines, int entries, long readMillis, long importMillis, long proposeMillis, int exactProposals) {

        public long totalMillis() {
            return readMillis + importMillis + proposeMillis;
        }
    }

    private ReconciliationWorkload() {
    }

    /**
     * One run: a year's statement of {@code lineCount} lines (every third names a {@code WDK-} reference)
     * against {@code entryCount} fund entries: one per referenced line (an exact proposal), the rest
     * same-amount entries near other lines (possible proposals) and unrelated ones.
     */
    public static Figures importAndPropose(int lineCount, int entryCount, long seed) {
        LocalDate from = LocalDate.parse("2025-01-01");
        LocalDate to = from.plusDays(364);
        List<SyntheticCamt053.Line> generated = SyntheticCamt053.lines(lineCount, from, 365, seed);
        byte[] xml = SyntheticCamt053.xml(ACCOUNT, Money.eur("1000.00"), from, to, generated);
        List<Matcher.Target> entries = entriesFor(generated, entryCount, seed);

        long started = System.nanoTime();
        BankStatement statement = StatementReader.read(xml, StatementFormat.CAMT053).statements().get(0);
        StatementChecks.requireImportable(statement);
        CounterpartyKeys keys = new CounterpartyKeys(COUNTERPARTY_SECRET);
        List<BankLine> lines = new ArrayList<>(statement.lines().size());
        for (StatementLine line : statement.lines()) {
            lines.add(new BankLine(BankLineId.of(line.reference().value()), line.bookingDate(), line.valueDate(), line.amount(),
                    line.paymentReference().map(PaymentReference::of).orElse(null), keys.keyOf(line).map(CounterpartyKey::of).orElse(null),
                    null));
        }
        long read = System.nanoTime();

        Reconciliation fund = new Reconciliation();
        fund.on(new BankAccountLinked(FUND, COMMUNITY, CommandId.of("link"), ACCOUNT, ActingAs.TREASURER, from, TREASURER, Instant.EPOCH));
        ImportStatement command = new ImportStatement(FUND, CommandId.of("stmt-1"), ACCOUNT, StatementSource.CAMT053, from, to,
                statement.header().openingBalance(), statement.header().closingBalance(), lines, to, TREASURER);
        Reconciliation.ImportDecision decision = fund.decideImport(command, to);
        fund.on(new StatementImported(FUND, COMMUNITY, command.statementId(), ACCOUNT, command.source(), from, to,
                command.openingBalance(), command.closingBalance(), decision.outcome().continuity(), decision.newLines(),
                decision.alreadyImported(), decision.contentHash(), to, TREASURER, Instant.EPOCH));
        long imported = System.nanoTime();

        List<Matcher.Line> toMatch = new ArrayList<>(lines.size());
        for (BankLine line : decision.newLines()) {
            toMatch.add(new Matcher.Line(line.lineId().value(), line.bookingDate(), line.amount().cents(),
                    line.reference() == null ? null : line.reference().value(), line.counterparty() == null ? null : line.counterparty().value()));
        }
        Map<String, List<Matcher.Proposal>> proposals = Matcher.propose(toMatch, entries, Matcher.Counterparties.none());
        long proposed = System.nanoTime();

        int exact = 0;
        for (List<Matcher.Proposal> forLine : proposals.values()) {
            exact += forLine.isEmpty() || forLine.get(0).score() != Matcher.EXACT ? 0 : 1;
        }
        return new Figures(lines.size(), entries.size(), millis(started, read), millis(read, imported), millis(imported, proposed), exact);
    }

    /** One entry per referenced line (same id, amount and day), then same-amount entries a few days off, then unrelated ones. */
    static List<Matcher.Target> entriesFor(List<SyntheticCamt053.Line> lines, int count, long seed) {
        Random random = new Random(seed + 1);
        List<Matcher.Target> entries = new ArrayList<>(count);
        for (SyntheticCamt053.Line line : lines) {
            if (line.reference() != null && entries.size() < count) {
                entries.add(new Matcher.Target(Matcher.TargetKind.ENTRY, line.reference(), line.bookingDate(), line.amountCents(),
                        line.reference(), line.amountCents() > 0 ? "contribution:DONATION" : "expense:FOOD"));
            }
        }
        for (int i = 0; entries.size() < count; i++) {
            SyntheticCamt053.Line near = lines.get(random.nextInt(lines.size()));
            boolean sameAmount = i % 2 == 0;
            entries.add(new Matcher.Target(Matcher.TargetKind.ENTRY, "noise-" + i, near.bookingDate().plusDays(random.nextInt(15) - 7),
                    sameAmount ? near.amountCents() : near.amountCents() + 1 + random.nextInt(1_000), "noise-" + i, "expense:OTHER"));
        }
        return entries;
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}
