package nl.wederkerig.projections.reconciliation;

import nl.wederkerig.core.claims.ClaimApproved;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.ContributionReceived;
import nl.wederkerig.core.funds.ExpensePaid;
import nl.wederkerig.core.funds.FundEntryReversed;
import nl.wederkerig.core.funds.FundMoneyEvent;
import nl.wederkerig.core.funds.FundTransferred;
import nl.wederkerig.core.reconciliation.BankAccountLinked;
import nl.wederkerig.core.reconciliation.BankLine;
import nl.wederkerig.core.reconciliation.BankLineId;
import nl.wederkerig.core.reconciliation.BankLinesMatched;
import nl.wederkerig.core.reconciliation.Continuity;
import nl.wederkerig.core.reconciliation.CounterpartyKey;
import nl.wederkerig.core.reconciliation.PaymentReference;
import nl.wederkerig.core.reconciliation.PeriodClosed;
import nl.wederkerig.core.reconciliation.PeriodReopened;
import nl.wederkerig.core.reconciliation.ReopenReason;
import nl.wederkerig.core.reconciliation.StatementImported;
import nl.wederkerig.core.reconciliation.StatementSource;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Iban;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.SealedText;
import nl.wederkerig.projections.readmodels.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bank reconciliation read model: per initiative, its linked account, imported statements and
 * their lines (with the sealed original text), the fund entries that moved the bank, matches,
 * closes and what confirmed matches taught about counterparties; and the queries the treasurer's
 * pages need: status, statements, lines, proposals (by the pure {@link Matcher}), matches, closes
 * and the import nudge. A plain class; Spring only supplies the {@link JdbcTemplate}.
 *
 * <p>Registered like the other read models once the application wires it: a bean, a tracking
 * processor {@value #PROCESSING_GROUP} (one segment: matches read the lines and entries earlier
 * events wrote) and {@link #READ_MODEL} in {@code ReadModelCatalog}, so rebuild and check include it.
 */
@ProcessingGroup(BankReconciliations.PROCESSING_GROUP)
public class BankReconciliations {

    public static final String PROCESSING_GROUP = "reconciliation";

    public static final ReadModel READ_MODEL = new ReadModel("bank reconciliation", PROCESSING_GROUP,
            List.of(new ReadModel.Table("recon_account", List.of("initiative_id")),
                    new ReadModel.Table("recon_statement", List.of("initiative_id", "statement_id")),
                    new ReadModel.Table("recon_statement_line", List.of("initiative_id", "statement_id", "position")),
                    new ReadModel.Table("recon_line", List.of("initiative_id", "line_id")),
                    new ReadModel.Table("recon_entry", List.of("initiative_id", "entry_id")),
                    new ReadModel.Table("recon_claim", List.of("claim_id")),
                    new ReadModel.Table("recon_match", List.of("initiative_id", "match_id")),
                    new ReadModel.Table("recon_close", List.of("initiative_id", "close_id")),
                    new ReadModel.Table("recon_counterparty_tag", List.of("initiative_id", "counterparty", "tag"))),
            BankReconciliations::new);

    /** Days without an import after which the initiative's page nudges: downloads stay at the bank for 12-18 months. */
    public static final int NUDGE_AFTER_DAYS = 35;
    /** Most unmatched lines the proposals consider at once (the rest follow once these are matched). */
    public static final int MAX_OPEN_LINES = 10_000;
    /** Most rows a list query returns. */
    public static final int MAX_ROWS = 10_000;

    private final JdbcTemplate jdbc;

    public BankReconciliations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(jdbc);
    }

    // ---- events ----

    @EventHandler
    void on(BankAccountLinked event) {
        jdbc.update("INSERT INTO recon_account (initiative_id, community_id, iban, linked_on, last_import_on) VALUES (?, ?, ?, ?, NULL)",
                event.initiativeId().value(), event.communityId().value(), event.iban().value(), event.businessDate());
    }

    @EventHandler
    void on(StatementImported event, EventMessage<?> message) {
        String initiative = event.initiativeId().value();
        String statement = event.statementId().value();
        jdbc.update("""
                INSERT INTO recon_statement (initiative_id, statement_id, community_id, source, period_from, period_to, opening_cents,
                    closing_cents, continuity, line_count, new_line_count, imported_on, imported_by, seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                initiative, statement, event.communityId().value(), event.source().name(), event.from(), event.to(),
                cents(event.openingBalance()), cents(event.closingBalance()), event.continuity().name(),
                event.newLines().size() + event.alreadyImported().size(), event.newLines().size(), event.businessDate(),
                event.actor().value(), position(message));
        List<Object[]> lineRows = new ArrayList<>(event.newLines().size());
        List<Object[]> orderRows = new ArrayList<>(event.newLines().size() + event.alreadyImported().size());
        int position = 0;
        for (BankLine line : event.newLines()) {
            SealedText details = line.details();
            lineRows.add(new Object[] {initiative, line.lineId().value(), event.communityId().value(), statement, line.bookingDate(),
                    line.valueDate(), line.amount().cents(), line.reference() == null ? null : line.reference().value(),
                    line.counterparty() == null ? null : line.counterparty().value(),
                    details == null ? null : details.keyId(), details == null ? null : details.ciphertextBase64()});
            orderRows.add(new Object[] {initiative, statement, ++position, line.lineId().value(), false});
        }
        for (BankLineId id : event.alreadyImported()) {
            orderRows.add(new Object[] {initiative, statement, ++position, id.value(), true});
        }
        if (!lineRows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO recon_line (initiative_id, line_id, community_id, statement_id, booking_date, value_date, amount_cents,
                        reference, counterparty, details_key, details_text, match_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)""", lineRows);
        }
        if (!orderRows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO recon_statement_line (initiative_id, statement_id, position, line_id, already_imported)
                    VALUES (?, ?, ?, ?, ?)""", orderRows);
        }
        exactlyOne(jdbc.update("UPDATE recon_account SET last_import_on = ? WHERE initiative_id = ?", event.businessDate(), initiative),
                "the account of a statement");
    }

    @EventHandler
    void on(ContributionReceived event) {
        String partner = event.partnerId() == null ? "" : ":" + event.partnerId().value();
        entry(event.initiativeId(), event.communityId(), event, "CONTRIBUTION", event.commandId().value(),
                "contribution:" + event.source().name() + partner);
    }

    @EventHandler
    void on(ExpensePaid event) {
        entry(event.initiativeId(), event.communityId(), event, "EXPENSE", event.commandId().value(),
                "expense:" + event.category().name());
    }

    @EventHandler
    void on(FundTransferred event) {
        entry(event.initiativeId(), event.communityId(), event, "TRANSFER", event.commandId().value(),
                "transfer:" + event.from().name() + ":" + event.to().name());
    }

    @EventHandler
    void on(ClaimPaid event) {
        entry(event.initiativeId(), event.communityId(), event, "CLAIM_PAYMENT", event.claimId().value(),
                "claim:" + event.claimant().value());
        jdbc.update("UPDATE recon_claim SET paid_by = ? WHERE claim_id = ?", event.commandId().value(), event.claimId().value());
    }

    /** A reversal moves the bank back on its own date: an entry of its own, to be matched to the bank's line like any other. */
    @EventHandler
    void on(FundEntryReversed event) {
        long cents = -event.original().changeOf(Channel.BANK).cents();
        if (cents != 0) {
            insertEntry(event.initiativeId(), event.communityId(), event.commandId().value(), "REVERSAL", event.businessDate(), cents,
                    event.commandId().value(), "reversal:" + tagOf(event.original()));
        }
        if (event.original() instanceof ClaimPaid paid) {
            jdbc.update("UPDATE recon_claim SET paid_by = NULL WHERE claim_id = ?", paid.claimId().value());
        }
    }

    @EventHandler
    void on(ClaimApproved event) {
        jdbc.update("""
                INSERT INTO recon_claim (claim_id, initiative_id, community_id, claimant_id, amount_cents, approved_on, paid_by)
                VALUES (?, ?, ?, ?, ?, ?, NULL)""",
                event.claimId().value(), event.initiativeId().value(), event.communityId().value(), event.claimant().value(),
                event.amount().cents(), event.businessDate());
    }

    @EventHandler
    void on(BankLinesMatched event) {
        String initiative = event.initiativeId().value();
        String match = event.commandId().value();
        jdbc.update("""
                INSERT INTO recon_match (initiative_id, match_id, community_id, amount_cents, matched_on, matched_by, booked_from_line)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                initiative, match, event.communityId().value(), event.amount().cents(), event.businessDate(), event.actor().value(),
                event.bookedFromLine());
        List<String> counterparties = new ArrayList<>();
        for (BankLineId line : event.lineIds()) {
            exactlyOne(jdbc.update("UPDATE recon_line SET match_id = ? WHERE initiative_id = ? AND line_id = ? AND match_id IS NULL",
                    match, initiative, line.value()), "an unmatched line of a match");
            jdbc.queryForList("SELECT counterparty FROM recon_line WHERE initiative_id = ? AND line_id = ? AND counterparty IS NOT NULL",
                    String.class, initiative, line.value()).forEach(counterparties::add);
        }
        List<String> tags = new ArrayList<>();
        for (CommandId entry : event.entryIds()) {
            exactlyOne(jdbc.update("UPDATE recon_entry SET match_id = ? WHERE initiative_id = ? AND entry_id = ? AND match_id IS NULL",
                    match, initiative, entry.value()), "an unmatched entry of a match");
            tags.addAll(jdbc.queryForList("SELECT tag FROM recon_entry WHERE initiative_id = ? AND entry_id = ?", String.class,
                    initiative, entry.value()));
        }
        for (String counterparty : counterparties) {
            for (String tag : tags) {
                learn(initiative, counterparty, tag);
            }
        }
    }

    @EventHandler
    void on(PeriodClosed event) {
        jdbc.update("""
                INSERT INTO recon_close (initiative_id, close_id, community_id, period_start, period_end, bank_cents, closed_on, closed_by,
                    reopen_id, reopened_on, reopened_by, reopen_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL)""",
                event.initiativeId().value(), event.commandId().value(), event.communityId().value(), event.periodStart(),
                event.periodEnd(), event.bankBalance().cents(), event.businessDate(), event.actor().value());
    }

    @EventHandler
    void on(PeriodReopened event) {
        exactlyOne(jdbc.update("""
                UPDATE recon_close SET reopen_id = ?, reopened_on = ?, reopened_by = ?, reopen_reason = ?
                 WHERE initiative_id = ? AND close_id = ? AND reopen_id IS NULL""",
                event.commandId().value(), event.businessDate(), event.actor().value(), event.reason().name(),
                event.initiativeId().value(), event.closeId().value()), "the close a reopening names");
    }

    private void entry(InitiativeId initiative, CommunityId community, FundMoneyEvent event, String kind, String reference, String tag) {
        long cents = event.changeOf(Channel.BANK).cents();
        if (cents != 0) {
            insertEntry(initiative, community, event.commandId().value(), kind, event.businessDate(), cents, reference, tag);
        }
    }

    private void insertEntry(InitiativeId initiative, CommunityId community, String entryId, String kind, LocalDate businessDate,
                             long cents, String reference, String tag) {
        jdbc.update("""
                INSERT INTO recon_entry (initiative_id, entry_id, community_id, kind, business_date, bank_cents, reference, tag, match_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)""",
                initiative.value(), entryId, community.value(), kind, businessDate, cents, reference, tag);
    }

    private static String tagOf(FundMoneyEvent event) {
        if (event instanceof ContributionReceived e) {
            return "contribution:" + e.source().name();
        }
        if (event instanceof ExpensePaid e) {
            return "expense:" + e.category().name();
        }
        if (event instanceof FundTransferred) {
            return "transfer";
        }
        return "claim";
    }

    /** Update first, insert when there was no row: portable between H2 and PostgreSQL; one processor segment writes these rows. */
    private void learn(String initiative, String counterparty, String tag) {
        int updated = jdbc.update("UPDATE recon_counterparty_tag SET times = times + 1 WHERE initiative_id = ? AND counterparty = ? AND tag = ?",
                initiative, counterparty, tag);
        if (updated == 0) {
            jdbc.update("INSERT INTO recon_counterparty_tag (initiative_id, counterparty, tag, times) VALUES (?, ?, ?, 1)",
                    initiative, counterparty, tag);
        }
    }

    /** A read model that finds another number of rows than the events imply is out of step: stop rather than build on it. */
    private static void exactlyOne(int rows, String what) {
        if (rows != 1) {
            throw new IllegalStateException("read model out of step: " + rows + " rows for " + what);
        }
    }

    private static long position(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                && tracked.trackingToken().position().isPresent()) {
            return tracked.trackingToken().position().getAsLong();
        }
        throw new IllegalStateException("the reconciliation read model needs events from a tracking processor, with their position");
    }

    private static Long cents(Money money) {
        return money == null ? null : money.cents();
    }

    // ---- queries ----

    /** Whether the initiative of that community has a linked account. */
    public boolean knows(CommunityId community, InitiativeId initiative) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM recon_account WHERE community_id = ? AND initiative_id = ?",
                Integer.class, community.value(), initiative.value());
        return rows != null && rows > 0;
    }

    /** The reconciliation status; empty while no account is linked. See {@link ReconciliationStatus} for what each figure means. */
    public Optional<ReconciliationStatus> status(CommunityId community, InitiativeId initiative) {
        List<Object[]> accounts = jdbc.query("SELECT iban, last_import_on FROM recon_account WHERE community_id = ? AND initiative_id = ?",
                (rs, i) -> new Object[] {rs.getString("iban"), rs.getObject("last_import_on", LocalDate.class)},
                community.value(), initiative.value());
        if (accounts.isEmpty()) {
            return Optional.empty();
        }
        String id = initiative.value();
        List<Object[]> latest = jdbc.query("""
                SELECT period_to, closing_cents FROM recon_statement
                 WHERE initiative_id = ? AND closing_cents IS NOT NULL
                 ORDER BY period_to DESC, seq DESC LIMIT 1""",
                (rs, i) -> new Object[] {rs.getObject("period_to", LocalDate.class), rs.getLong("closing_cents")}, id);
        LocalDate asOf = latest.isEmpty()
                ? jdbc.queryForObject("SELECT MAX(period_to) FROM recon_statement WHERE initiative_id = ?", LocalDate.class, id)
                : (LocalDate) latest.get(0)[0];
        Money closing = latest.isEmpty() ? null : Money.ofCents((Long) latest.get(0)[1], Money.EUR);
        LocalDate through = asOf == null ? LocalDate.of(9999, 12, 31) : asOf;
        LocalDate coverageStart = jdbc.queryForObject("SELECT MIN(period_from) FROM recon_statement WHERE initiative_id = ?",
                LocalDate.class, id);
        long ledgerCents = sum("SELECT COALESCE(SUM(bank_cents), 0) FROM recon_entry WHERE initiative_id = ? AND business_date <= ?", id, through);
        long[] lines = countAndSum("""
                SELECT COUNT(*), COALESCE(SUM(amount_cents), 0) FROM recon_line
                 WHERE initiative_id = ? AND match_id IS NULL AND booking_date <= ?""", id, through);
        long[] entries = coverageStart == null ? new long[] {0, 0} : countAndSum("""
                SELECT COUNT(*), COALESCE(SUM(bank_cents), 0) FROM recon_entry
                 WHERE initiative_id = ? AND match_id IS NULL AND business_date BETWEEN ? AND ?""", id, coverageStart, through);
        LocalDate lastClosed = jdbc.queryForObject("SELECT MAX(period_end) FROM recon_close WHERE initiative_id = ? AND reopen_id IS NULL",
                LocalDate.class, id);
        Money ledger = Money.ofCents(ledgerCents, Money.EUR);
        return Optional.of(new ReconciliationStatus(initiative, new Iban((String) accounts.get(0)[0]), asOf, closing, ledger,
                closing == null ? null : closing.minus(ledger), (int) lines[0], Money.ofCents(lines[1], Money.EUR), (int) entries[0],
                Money.ofCents(entries[1], Money.EUR), lastClosed, (LocalDate) accounts.get(0)[1]));
    }

    /**
     * Where the reconciliation stood at the end of {@code through}: the latest statement ending by
     * then against the ledger's bank balance on its last day, and the latest close in force ending by
     * then. Empty while no account is linked; {@link ReconciliationAsOf#nothingBy} when nothing was
     * imported or closed by then.
     */
    public Optional<ReconciliationAsOf> statusAsOf(CommunityId community, InitiativeId initiative, LocalDate through) {
        if (!knows(community, initiative)) {
            return Optional.empty();
        }
        String id = initiative.value();
        LocalDate lastClosed = jdbc.queryForObject("""
                SELECT MAX(period_end) FROM recon_close WHERE initiative_id = ? AND reopen_id IS NULL AND period_end <= ?""",
                LocalDate.class, id, through);
        List<Object[]> latest = jdbc.query("""
                SELECT period_to, closing_cents FROM recon_statement
                 WHERE initiative_id = ? AND closing_cents IS NOT NULL AND period_to <= ?
                 ORDER BY period_to DESC, seq DESC LIMIT 1""",
                (rs, i) -> new Object[] {rs.getObject("period_to", LocalDate.class), rs.getLong("closing_cents")}, id, through);
        if (latest.isEmpty()) {
            return Optional.of(new ReconciliationAsOf(through, null, null, null, null, lastClosed));
        }
        LocalDate statementEnd = (LocalDate) latest.get(0)[0];
        Money closing = Money.ofCents((Long) latest.get(0)[1], Money.EUR);
        Money ledger = Money.ofCents(sum("SELECT COALESCE(SUM(bank_cents), 0) FROM recon_entry WHERE initiative_id = ? AND business_date <= ?",
                id, statementEnd), Money.EUR);
        return Optional.of(new ReconciliationAsOf(through, statementEnd, closing, ledger, closing.minus(ledger), lastClosed));
    }

    private long sum(String sql, Object... arguments) {
        Long value = jdbc.queryForObject(sql, Long.class, arguments);
        return value == null ? 0 : value;
    }

    private long[] countAndSum(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, arguments);
    }

    /** The imported statements, latest period first. */
    public List<StatementSummary> statements(CommunityId community, InitiativeId initiative) {
        return jdbc.query("""
                SELECT * FROM recon_statement WHERE community_id = ? AND initiative_id = ?
                 ORDER BY period_to DESC, seq DESC LIMIT ?""",
                (rs, i) -> new StatementSummary(CommandId.of(rs.getString("statement_id")), StatementSource.valueOf(rs.getString("source")),
                        rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                        money(rs, "opening_cents"), money(rs, "closing_cents"), Continuity.valueOf(rs.getString("continuity")),
                        rs.getInt("line_count"), rs.getInt("new_line_count"), rs.getInt("line_count") - rs.getInt("new_line_count"),
                        rs.getObject("imported_on", LocalDate.class), MemberId.of(rs.getString("imported_by"))),
                community.value(), initiative.value(), MAX_ROWS);
    }

    /** A statement's lines in its order, the ones an earlier statement brought marked as such. */
    public List<StatementLineView> lines(CommunityId community, InitiativeId initiative, CommandId statement) {
        return jdbc.query("""
                SELECT s.position, s.already_imported, l.* FROM recon_statement_line s
                  JOIN recon_line l ON l.initiative_id = s.initiative_id AND l.line_id = s.line_id
                 WHERE l.community_id = ? AND s.initiative_id = ? AND s.statement_id = ?
                 ORDER BY s.position LIMIT ?""",
                (rs, i) -> new StatementLineView(rs.getInt("position"), rs.getBoolean("already_imported"), line(rs)),
                community.value(), initiative.value(), statement.value(), MAX_ROWS);
    }

    /** Lines in no match yet, oldest first. */
    public List<LineView> unmatchedLines(CommunityId community, InitiativeId initiative) {
        return jdbc.query("""
                SELECT * FROM recon_line WHERE community_id = ? AND initiative_id = ? AND match_id IS NULL
                 ORDER BY booking_date, line_id LIMIT ?""",
                (rs, i) -> line(rs), community.value(), initiative.value(), MAX_OPEN_LINES);
    }

    /**
     * For every unmatched line, what it may be: unmatched fund entries that moved the bank and
     * approved claims not paid yet, ranked by {@link Matcher}, weighed by what confirmed matches taught.
     */
    public List<LineProposals> proposals(CommunityId community, InitiativeId initiative) {
        List<LineView> open = unmatchedLines(community, initiative);
        if (open.isEmpty()) {
            return List.of();
        }
        List<Matcher.Target> targets = new ArrayList<>(jdbc.query("""
                SELECT entry_id, business_date, bank_cents, reference, tag FROM recon_entry
                 WHERE community_id = ? AND initiative_id = ? AND match_id IS NULL""",
                (rs, i) -> new Matcher.Target(Matcher.TargetKind.ENTRY, rs.getString("entry_id"), rs.getObject("business_date", LocalDate.class),
                        rs.getLong("bank_cents"), rs.getString("reference"), rs.getString("tag")),
                community.value(), initiative.value()));
        targets.addAll(jdbc.query("""
                SELECT claim_id, approved_on, amount_cents, claimant_id FROM recon_claim
                 WHERE community_id = ? AND initiative_id = ? AND paid_by IS NULL""",
                (rs, i) -> new Matcher.Target(Matcher.TargetKind.APPROVED_CLAIM, rs.getString("claim_id"),
                        rs.getObject("approved_on", LocalDate.class), -rs.getLong("amount_cents"), rs.getString("claim_id"),
                        "claim:" + rs.getString("claimant_id")),
                community.value(), initiative.value()));
        List<Matcher.Line> lines = new ArrayList<>(open.size());
        for (LineView line : open) {
            lines.add(new Matcher.Line(line.lineId().value(), line.bookingDate(), line.amount().cents(),
                    line.reference() == null ? null : line.reference().value(),
                    line.counterparty() == null ? null : line.counterparty().value()));
        }
        Map<String, List<Matcher.Proposal>> proposed = Matcher.propose(lines, targets, counterparties(initiative));
        List<LineProposals> result = new ArrayList<>(open.size());
        for (LineView line : open) {
            result.add(new LineProposals(line, proposed.getOrDefault(line.lineId().value(), List.of())));
        }
        return result;
    }

    /** What confirmed matches taught, as shares per counterparty and tag. */
    private Matcher.Counterparties counterparties(InitiativeId initiative) {
        Map<String, Map<String, Integer>> times = new HashMap<>();
        jdbc.query("SELECT counterparty, tag, times FROM recon_counterparty_tag WHERE initiative_id = ?", rs -> {
            times.computeIfAbsent(rs.getString("counterparty"), c -> new HashMap<>()).put(rs.getString("tag"), rs.getInt("times"));
        }, initiative.value());
        Map<String, Integer> totals = new HashMap<>();
        times.forEach((counterparty, perTag) -> totals.put(counterparty, perTag.values().stream().mapToInt(Integer::intValue).sum()));
        return (counterparty, tag) -> {
            Map<String, Integer> perTag = times.get(counterparty);
            return perTag == null ? 0 : perTag.getOrDefault(tag, 0) * 100 / totals.get(counterparty);
        };
    }

    /** The confirmed matches, latest first, each with its lines and entries. */
    public List<MatchView> matches(CommunityId community, InitiativeId initiative) {
        String id = initiative.value();
        Map<String, List<BankLineId>> lines = new HashMap<>();
        jdbc.query("SELECT match_id, line_id FROM recon_line WHERE initiative_id = ? AND match_id IS NOT NULL ORDER BY line_id",
                rs -> {
                    lines.computeIfAbsent(rs.getString("match_id"), m -> new ArrayList<>()).add(BankLineId.of(rs.getString("line_id")));
                }, id);
        Map<String, List<CommandId>> entries = new HashMap<>();
        jdbc.query("SELECT match_id, entry_id FROM recon_entry WHERE initiative_id = ? AND match_id IS NOT NULL ORDER BY entry_id",
                rs -> {
                    entries.computeIfAbsent(rs.getString("match_id"), m -> new ArrayList<>()).add(CommandId.of(rs.getString("entry_id")));
                }, id);
        return jdbc.query("""
                SELECT * FROM recon_match WHERE community_id = ? AND initiative_id = ?
                 ORDER BY matched_on DESC, match_id LIMIT ?""",
                (rs, i) -> new MatchView(CommandId.of(rs.getString("match_id")), lines.getOrDefault(rs.getString("match_id"), List.of()),
                        entries.getOrDefault(rs.getString("match_id"), List.of()), Money.ofCents(rs.getLong("amount_cents"), Money.EUR),
                        rs.getObject("matched_on", LocalDate.class), MemberId.of(rs.getString("matched_by")), rs.getBoolean("booked_from_line")),
                community.value(), id, MAX_ROWS);
    }

    /** Every close, latest period first, reopened ones included (marked). */
    public List<CloseView> closes(CommunityId community, InitiativeId initiative) {
        return jdbc.query("""
                SELECT * FROM recon_close WHERE community_id = ? AND initiative_id = ?
                 ORDER BY period_end DESC, closed_on DESC LIMIT ?""",
                (rs, i) -> new CloseView(CommandId.of(rs.getString("close_id")), rs.getObject("period_start", LocalDate.class),
                        rs.getObject("period_end", LocalDate.class), Money.ofCents(rs.getLong("bank_cents"), Money.EUR),
                        rs.getObject("closed_on", LocalDate.class), MemberId.of(rs.getString("closed_by")),
                        rs.getString("reopen_id") == null ? null : CommandId.of(rs.getString("reopen_id")),
                        rs.getObject("reopened_on", LocalDate.class),
                        rs.getString("reopened_by") == null ? null : MemberId.of(rs.getString("reopened_by")),
                        rs.getString("reopen_reason") == null ? null : ReopenReason.valueOf(rs.getString("reopen_reason"))),
                community.value(), initiative.value(), MAX_ROWS);
    }

    /** When a statement was last imported and whether the page should nudge ({@value #NUDGE_AFTER_DAYS} days). Empty while no account is linked. */
    public Optional<ImportNudge> importNudge(CommunityId community, InitiativeId initiative, LocalDate today) {
        List<Object[]> rows = jdbc.query("SELECT linked_on, last_import_on FROM recon_account WHERE community_id = ? AND initiative_id = ?",
                (rs, i) -> new Object[] {rs.getObject("linked_on", LocalDate.class), rs.getObject("last_import_on", LocalDate.class)},
                community.value(), initiative.value());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        LocalDate last = (LocalDate) rows.get(0)[1];
        LocalDate since = last != null ? last : (LocalDate) rows.get(0)[0];
        long days = Math.max(0, ChronoUnit.DAYS.between(since, today));
        return Optional.of(new ImportNudge(last, days, last == null || days > NUDGE_AFTER_DAYS));
    }

    private static LineView line(ResultSet rs) throws SQLException {
        String reference = rs.getString("reference");
        String counterparty = rs.getString("counterparty");
        String detailsKey = rs.getString("details_key");
        String match = rs.getString("match_id");
        return new LineView(BankLineId.of(rs.getString("line_id")), rs.getObject("booking_date", LocalDate.class),
                rs.getObject("value_date", LocalDate.class), Money.ofCents(rs.getLong("amount_cents"), Money.EUR),
                reference == null ? null : PaymentReference.of(reference), counterparty == null ? null : CounterpartyKey.of(counterparty),
                detailsKey == null ? null : new SealedText(detailsKey, rs.getString("details_text")),
                CommandId.of(rs.getString("statement_id")), match == null ? null : CommandId.of(match));
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        long cents = rs.getLong(column);
        return rs.wasNull() ? null : Money.ofCents(cents, Money.EUR);
    }
}
