package nl.wederkerig.core.reconciliation;

import nl.wederkerig.core.shared.AmountNotPositive;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.LimitReached;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.WrongCurrency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one fund's reconciliation with its bank account, kept by the {@code Fund} aggregate
 * (one consistency boundary): the linked IBAN, the statements and their lines, which lines and
 * entries are matched, and the closes in force. Changed only by the {@code on(...)} methods, which
 * the fund's event sourcing handlers call; the other methods decide or answer and change nothing.
 */
public final class Reconciliation {

    /** Most lines one statement brings (the statements module reads no more). */
    public static final int MAX_LINES_PER_STATEMENT = 10_000;
    /** Most bank lines one fund keeps: decades of a neighbourhood initiative's account. */
    public static final int MAX_BANK_LINES = 100_000;
    /** Most statements one fund keeps (a daily statement for over ten years). */
    public static final int MAX_STATEMENTS = 5_000;
    /** Most lines, and most entries, in one match. */
    public static final int MAX_MATCH_SIZE = 50;

    /** A line as the fund keeps it: what rules need, nothing personal. */
    public record Line(BankLineId id, LocalDate bookingDate, Money amount, PaymentReference reference, CommandId statementId) {
    }

    /** A close in force: through which day, at which agreed bank balance, and who closed. */
    public record Close(CommandId closeId, LocalDate periodEnd, Money bankBalance, MemberId closedBy) {
    }

    private record Statement(CommandId id, LocalDate from, LocalDate to, Money opening, Money closing, List<BankLineId> lineIds) {
    }

    /** What an import would do; {@code record} is false when it adds nothing. */
    public record ImportDecision(StatementImportOutcome outcome, List<BankLine> newLines, List<BankLineId> alreadyImported,
                                 String contentHash, boolean record) {
    }

    /** Stands for an import in the fund's processed commands: the same id with other content is another command. */
    public record ImportFingerprint(String contentHash) {
    }

    private Iban iban;
    private ActingAs linkedAs;
    private final Map<BankLineId, Line> lines = new HashMap<>();
    private final Map<BankLineId, CommandId> matchOfLine = new HashMap<>();
    private final Set<CommandId> matchedEntries = new HashSet<>();
    private final List<Statement> statements = new ArrayList<>();
    private final Map<CommandId, StatementImportOutcome> outcomes = new HashMap<>();
    private final Deque<Close> closes = new ArrayDeque<>();

    // ---- questions ----

    public Optional<Iban> iban() {
        return Optional.ofNullable(iban);
    }

    /** The last day of the latest close in force: nothing may be dated on or before it. */
    public Optional<LocalDate> closedThrough() {
        return Optional.ofNullable(closes.peekLast()).map(Close::periodEnd);
    }

    public Optional<Close> latestClose() {
        return Optional.ofNullable(closes.peekLast());
    }

    /** Through which day the books stay closed if the latest close is reopened. */
    public Optional<LocalDate> closedThroughBeforeLatest() {
        if (closes.size() < 2) {
            return Optional.empty();
        }
        List<Close> all = new ArrayList<>(closes);
        return Optional.of(all.get(all.size() - 2).periodEnd());
    }

    /** The first day any imported statement covers. */
    public Optional<LocalDate> earliestStatementDay() {
        return statements.stream().map(Statement::from).min(LocalDate::compareTo);
    }

    /** Refuses a business date on or before the end of the latest close in force. */
    public void requireOpen(LocalDate date) {
        Close latest = closes.peekLast();
        if (latest != null && date != null && !date.isAfter(latest.periodEnd())) {
            throw new DateInClosedPeriod(date, latest.periodEnd());
        }
    }

    public Line requireLine(BankLineId id) {
        Line line = lines.get(Objects.requireNonNull(id, "line is missing"));
        if (line == null) {
            throw new UnknownBankLine(id);
        }
        return line;
    }

    public Line requireUnmatchedLine(BankLineId id) {
        Line line = requireLine(id);
        if (matchOfLine.containsKey(id)) {
            throw new BankLineAlreadyMatched(id);
        }
        return line;
    }

    /** The match a line is in, if any. */
    public Optional<CommandId> matchOf(BankLineId id) {
        return Optional.ofNullable(matchOfLine.get(id));
    }

    public boolean isEntryMatched(CommandId entryId) {
        return matchedEntries.contains(entryId);
    }

    /** Lines booked on or before {@code date} that are in no match. */
    public int unmatchedLinesThrough(LocalDate date) {
        int count = 0;
        for (Line line : lines.values()) {
            if (!line.bookingDate().isAfter(date) && !matchOfLine.containsKey(line.id())) {
                count++;
            }
        }
        return count;
    }

    /**
     * The bank's balance at the end of {@code date} by the imported statements: the closing balance of
     * a statement ending that day; else the opening balance of one starting the next day; else a
     * covering statement's opening balance plus its lines up to that day. The latest import wins.
     */
    public Optional<Money> statementBalanceOn(LocalDate date) {
        for (int i = statements.size() - 1; i >= 0; i--) {
            Statement s = statements.get(i);
            if (s.to().equals(date) && s.closing() != null) {
                return Optional.of(s.closing());
            }
        }
        for (int i = statements.size() - 1; i >= 0; i--) {
            Statement s = statements.get(i);
            if (s.from().minusDays(1).equals(date) && s.opening() != null) {
                return Optional.of(s.opening());
            }
        }
        for (int i = statements.size() - 1; i >= 0; i--) {
            Statement s = statements.get(i);
            if (!date.isBefore(s.from()) && !date.isAfter(s.to()) && s.opening() != null) {
                long cents = s.opening().cents();
                for (BankLineId id : s.lineIds()) {
                    Line line = lines.get(id);
                    if (!line.bookingDate().isAfter(date)) {
                        cents = Math.addExact(cents, line.amount().cents());
                    }
                }
                return Optional.of(Money.ofCents(cents, Money.EUR));
            }
        }
        return Optional.empty();
    }

    /** What an earlier import with this statement id did, if one was recorded. */
    public Optional<StatementImportOutcome> outcomeOf(CommandId statementId) {
        return Optional.ofNullable(outcomes.get(statementId));
    }

    // ---- decisions ----

    /**
     * Checks an import and works out what it adds. Refuses a statement of another account, one that
     * does not add up, a line outside its period or twice in it, a line imported before with other
     * content, and new lines in a closed period.
     */
    public ImportDecision decideImport(ImportStatement command, LocalDate today) {
        Objects.requireNonNull(command.source(), "source is missing");
        Objects.requireNonNull(command.lines(), "lines are missing");
        if (command.lines().size() > MAX_LINES_PER_STATEMENT) {
            throw new LimitReached("lines in one statement", MAX_LINES_PER_STATEMENT);
        }
        if (iban == null || !iban.equals(command.iban())) {
            throw new IbanNotLinked();
        }
        if (command.from() == null || command.to() == null || command.to().isBefore(command.from()) || command.to().isAfter(today)) {
            throw new StatementPeriodInvalid(command.from(), command.to());
        }
        requireEur(command.openingBalance());
        requireEur(command.closingBalance());
        long sum = 0;
        Set<BankLineId> seen = new HashSet<>();
        List<BankLine> newLines = new ArrayList<>();
        List<BankLineId> alreadyImported = new ArrayList<>();
        for (BankLine line : command.lines()) {
            Objects.requireNonNull(line, "line is missing");
            requireEur(line.amount());
            if (line.amount().isZero()) {
                throw new AmountNotPositive(line.amount());
            }
            if (line.bookingDate().isBefore(command.from()) || line.bookingDate().isAfter(command.to())) {
                throw new BankLineOutsidePeriod(line.lineId());
            }
            if (!seen.add(line.lineId())) {
                throw new DuplicateBankLine(line.lineId());
            }
            sum = Math.addExact(sum, line.amount().cents());
            Line known = lines.get(line.lineId());
            if (known == null) {
                newLines.add(line);
            } else if (!known.amount().equals(line.amount()) || !known.bookingDate().equals(line.bookingDate())) {
                throw new BankLineConflict(line.lineId());
            } else {
                alreadyImported.add(line.lineId());
            }
        }
        Money total = Money.ofCents(sum, Money.EUR);
        if (command.openingBalance() != null && command.closingBalance() != null
                && !command.openingBalance().plus(total).equals(command.closingBalance())) {
            throw new StatementDoesNotAddUp(command.openingBalance(), total, command.closingBalance());
        }
        for (BankLine line : newLines) {
            requireOpen(line.bookingDate());
        }
        if (lines.size() + newLines.size() > MAX_BANK_LINES) {
            throw new LimitReached("bank lines in one fund", MAX_BANK_LINES);
        }
        boolean record = !newLines.isEmpty() || extendsCoverage(command.from(), command.to());
        if (record && statements.size() >= MAX_STATEMENTS) {
            throw new LimitReached("statements in one fund", MAX_STATEMENTS);
        }
        Continuity continuity = continuity(command.from(), command.to(), command.openingBalance());
        StatementImportOutcome outcome = new StatementImportOutcome(command.statementId(), continuity, command.lines().size(),
                newLines.size(), alreadyImported.size(), record);
        return new ImportDecision(outcome, newLines, alreadyImported, contentHash(command), record);
    }

    private static void requireEur(Money amount) {
        if (amount != null && !Money.EUR.equals(amount.currency())) {
            throw new WrongCurrency(Money.EUR, amount.currency());
        }
    }

    private boolean extendsCoverage(LocalDate from, LocalDate to) {
        if (statements.isEmpty()) {
            return true;
        }
        LocalDate earliest = statements.get(0).from();
        LocalDate latest = statements.get(0).to();
        for (Statement s : statements) {
            earliest = s.from().isBefore(earliest) ? s.from() : earliest;
            latest = s.to().isAfter(latest) ? s.to() : latest;
        }
        return from.isBefore(earliest) || to.isAfter(latest);
    }

    /** Against the statements imported before: overlapping, or after which one, with or without days or money missing. */
    Continuity continuity(LocalDate from, LocalDate to, Money opening) {
        Statement previous = null;
        for (Statement s : statements) {
            if (!s.from().isAfter(to) && !s.to().isBefore(from)) {
                return Continuity.OVERLAP;
            }
            if (s.to().isBefore(from) && (previous == null || s.to().isAfter(previous.to()))) {
                previous = s;
            }
        }
        if (previous == null) {
            return Continuity.FIRST;
        }
        boolean nextDay = previous.to().plusDays(1).equals(from);
        boolean balancesAgree = previous.closing() == null || opening == null || previous.closing().equals(opening);
        return nextDay && balancesAgree ? Continuity.CONNECTS : Continuity.GAP;
    }

    /**
     * SHA-256 over the import's content without its personal part: account, format, period,
     * balances and every line's id, dates, amount, reference and counterparty key. Sealed details
     * are left out on purpose: sealing the same text twice gives another ciphertext, and a retry of
     * the same upload must be recognised.
     */
    public static String contentHash(ImportStatement command) {
        StringBuilder text = new StringBuilder(64 + command.lines().size() * 96);
        text.append(command.iban()).append('|').append(command.source()).append('|').append(command.from()).append('|')
                .append(command.to()).append('|').append(command.openingBalance()).append('|').append(command.closingBalance());
        for (BankLine line : command.lines()) {
            text.append('\n').append(line.lineId()).append('|').append(line.bookingDate()).append('|').append(line.valueDate())
                    .append('|').append(line.amount().cents()).append('|').append(line.reference()).append('|')
                    .append(line.counterparty());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The lines of a match, each known, unmatched and in it once; returns their sum in cents. */
    public long requireMatchableLines(List<BankLineId> lineIds) {
        if (lineIds == null || lineIds.isEmpty() || lineIds.size() > MAX_MATCH_SIZE || new HashSet<>(lineIds).size() != lineIds.size()) {
            throw new MatchSizeOutOfRange(MAX_MATCH_SIZE);
        }
        long cents = 0;
        for (BankLineId id : lineIds) {
            cents = Math.addExact(cents, requireUnmatchedLine(id).amount().cents());
        }
        return cents;
    }

    // ---- changes (from the fund's event sourcing handlers only) ----

    public void on(BankAccountLinked event) {
        assert iban == null || iban.equals(event.iban()) : "a fund is linked to one account";
        iban = event.iban();
        linkedAs = event.actingAs();
    }

    public void on(StatementImported event) {
        List<BankLineId> all = new ArrayList<>(event.newLines().size() + event.alreadyImported().size());
        for (BankLine line : event.newLines()) {
            Line earlier = lines.put(line.lineId(), new Line(line.lineId(), line.bookingDate(), line.amount(), line.reference(),
                    event.statementId()));
            assert earlier == null : "line " + line.lineId() + " imported twice";
            all.add(line.lineId());
        }
        for (BankLineId id : event.alreadyImported()) {
            assert lines.containsKey(id) : "line " + id + " said to be imported before, but unknown";
            all.add(id);
        }
        statements.add(new Statement(event.statementId(), event.from(), event.to(), event.openingBalance(), event.closingBalance(), all));
        outcomes.put(event.statementId(), new StatementImportOutcome(event.statementId(), event.continuity(), all.size(),
                event.newLines().size(), event.alreadyImported().size(), true));
    }

    public void on(BankLinesMatched event) {
        for (BankLineId id : event.lineIds()) {
            CommandId earlier = matchOfLine.put(id, event.commandId());
            assert earlier == null && lines.containsKey(id) : "line " + id + " matched twice or unknown";
        }
        for (CommandId entry : event.entryIds()) {
            boolean first = matchedEntries.add(entry);
            assert first : "entry " + entry + " matched twice";
        }
    }

    public void on(PeriodClosed event) {
        assert closes.isEmpty() || event.periodEnd().isAfter(closes.peekLast().periodEnd()) : "closes only move forward";
        closes.addLast(new Close(event.commandId(), event.periodEnd(), event.bankBalance(), event.actor()));
    }

    public void on(PeriodReopened event) {
        Close reopened = closes.pollLast();
        assert reopened != null && reopened.closeId().equals(event.closeId()) : "only the latest close is reopened";
    }

    /** How the account was linked: by a treasurer or a coordinator. */
    public Optional<ActingAs> linkedAs() {
        return Optional.ofNullable(linkedAs);
    }
}
