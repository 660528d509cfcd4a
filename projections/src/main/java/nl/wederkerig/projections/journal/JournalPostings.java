package nl.wederkerig.projections.journal;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.ErrandAdvanceOpened;
import nl.wederkerig.core.journal.Accounts;
import nl.wederkerig.core.journal.BalanceAssertion;
import nl.wederkerig.core.help.HelpConfirmed;
import nl.wederkerig.core.help.HelpDisputed;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpRecorded;
import nl.wederkerig.core.journal.Journal;
import nl.wederkerig.core.journal.JournalEntry;
import nl.wederkerig.core.journal.Posting;
import nl.wederkerig.core.journal.Unit;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.readmodels.EventPosition;
import nl.wederkerig.projections.readmodels.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Year;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal read model: per event that moves money or hours, its balanced entry and postings as
 * {@link Journal} maps it, with exports to hledger journal text and CSV and account balances.
 *
 * <p>{@link Journal} is stateful: it remembers who lent to whom per advance, because the events
 * after {@code AdvanceMade} name only the advance, and per record of help its parties, minutes and
 * whether it stands disputed. An instance kept in memory would lose that on a restart mid-stream
 * (the processor resumes from its token, not from the first event). So both are stored, in
 * {@code journal_advance_party} and {@code journal_help}, in the same transaction as the entries
 * and the token, and every event is mapped by a fresh {@code Journal} that asks those tables for
 * what it needs. The mapping thus depends only on the tables, never on what this object saw before.
 *
 * <p>Period closes are balance assertions ({@code journal_assertion}): written into the hledger
 * export after the entries of their day, left out once the close is reopened. The CSV export holds
 * postings only, with each account's running balance, when the entry was recorded and the claim it came from.
 */
@ProcessingGroup(JournalPostings.PROCESSING_GROUP)
public class JournalPostings {

    public static final String PROCESSING_GROUP = "journal";

    // Postings before entries: deleting in this order respects the foreign key.
    public static final ReadModel READ_MODEL = new ReadModel("journal", PROCESSING_GROUP,
            List.of(new ReadModel.Table("journal_posting", List.of("global_order", "line_no")),
                    new ReadModel.Table("journal_entry", List.of("global_order")),
                    new ReadModel.Table("journal_advance_party", List.of("advance_id")),
                    new ReadModel.Table("journal_help", List.of("help_id")),
                    new ReadModel.Table("journal_account_balance", List.of("community_id", "account", "unit")),
                    new ReadModel.Table("journal_assertion", List.of("global_order"))),
            JournalPostings::new);

    /** "As of" with no date: later than any business date the ledger accepts. */
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /** Most account balances one query returns; a community with more is told it was cut short. */
    public static final int MAX_BALANCE_ROWS = 50_000;

    /** Rows fetched per round trip while exporting, so memory stays bounded for any book size. */
    static final int EXPORT_FETCH_SIZE = 500;

    private static final String EXPORT_COLUMNS = """
            SELECT e.global_order, e.code, e.business_date, e.description, e.recorded_at, e.claim_id, e.claim_initiative_id,
                   p.line_no, p.account, p.unit, p.quantity
              FROM journal_entry e JOIN journal_posting p ON p.global_order = e.global_order
            """;

    private static final String EXPORT_ROWS = EXPORT_COLUMNS + """
             WHERE e.community_id = ?
             ORDER BY e.business_date, e.global_order, p.line_no""";

    /**
     * The postings on an initiative's own accounts ({@link Accounts#ofInitiative}), in the same
     * order. By account rather than by entry, so entries written before an entry knew its
     * initiative are in it too.
     */
    private static final String INITIATIVE_ROWS = EXPORT_COLUMNS + """
             WHERE p.community_id = ?
               AND (p.account LIKE ? OR p.account LIKE ? OR p.account LIKE ? OR p.account LIKE ?)
             ORDER BY p.business_date, p.global_order, p.line_no""";

    /**
     * The entries' postings and the assertions in force dated from {@code ?} to {@code ?}
     * (inclusive), in one stream ordered by business date and then as recorded: an assertion
     * follows every entry of its day recorded before it, which is every entry of its period
     * (nothing is recorded into a closed period).
     */
    private static final String EXPORT_ROWS_WITH_ASSERTIONS = """
            SELECT e.global_order, e.code, e.business_date, e.description,
                   p.line_no, p.account, p.unit, p.quantity, 0 AS assertion
              FROM journal_entry e JOIN journal_posting p ON p.global_order = e.global_order
             WHERE e.community_id = ? AND e.business_date BETWEEN ? AND ?
            UNION ALL
            SELECT a.global_order, a.code, a.business_date, a.description,
                   0 AS line_no, a.account, a.unit, a.quantity, 1 AS assertion
              FROM journal_assertion a
             WHERE a.community_id = ? AND a.business_date BETWEEN ? AND ? AND a.withdrawn = FALSE
             ORDER BY business_date, global_order, line_no""";

    /** Every account's balance per unit at the end of a day, by account: what a year opens and closes with. */
    private static final String BALANCES_AT_END_OF = """
            SELECT account, unit, SUM(quantity) AS quantity
              FROM journal_posting
             WHERE community_id = ? AND business_date <= ?
             GROUP BY account, unit
            HAVING SUM(quantity) <> 0
             ORDER BY account, unit""";

    /** Earlier than any business date the ledger accepts: the whole book starts after it. */
    private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);

    /** Key of a unit of work's queued rows. */
    private static final String WRITES_RESOURCE = JournalPostings.class.getName() + ".writes";

    private final JdbcTemplate jdbc;

    public JournalPostings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Before a replay from the first event: start from empty tables. */
    @ResetHandler
    void reset() {
        READ_MODEL.clear(jdbc);
    }

    /**
     * Every event: the journal decides which have an entry (most do not). Rows are queued and sent
     * as JDBC batches when the processor's unit of work (one processor batch, one transaction with
     * the token) commits; without a unit of work (rebuild beside the live model, tests) at once.
     */
    @EventHandler
    void on(Object event, EventMessage<?> message) {
        Writes writes = CurrentUnitOfWork.isStarted() ? writesOf(CurrentUnitOfWork.get().root()) : new Writes();
        // The entry first, from what was known before this event; then what the event changes.
        new Journal(new Remembered(writes)).entryFor(event).ifPresent(entry ->
                writes.add(entry, globalOrder(message), recordedAt(message), ClaimLink.of(event)));
        remember(writes, event);
        Journal.assertionFor(event).ifPresent(assertion -> writes.assertion(assertion, globalOrder(message)));
        Journal.withdrawnAssertionFor(event).ifPresent(writes::withdraw);
        if (!CurrentUnitOfWork.isStarted()) {
            writes.flush();
        }
    }

    /** One Writes per unit of work, flushed once as it commits, in the same transaction as the token. */
    private Writes writesOf(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(WRITES_RESOURCE, key -> {
            Writes writes = new Writes();
            unitOfWork.onPrepareCommit(committing -> writes.flush());
            return writes;
        });
    }

    /** What {@link Journal} must know of a record for the events after its first: its parties, and whether help stands disputed. */
    private static void remember(Writes writes, Object event) {
        if (event instanceof AdvanceMade e) {
            writes.parties(e.advanceId(), e.communityId(), e.lender(), e.borrower());
        } else if (event instanceof ErrandAdvanceOpened e) {
            writes.parties(e.advanceId(), e.communityId(), e.lender(), e.borrower());
        } else if (event instanceof HelpRecorded e) {
            writes.help(e.helpId(), e.communityId(), new Journal.HelpGiven(e.helper(), e.receiver(), e.hours().minutes(), false));
        } else if (event instanceof HelpDisputed e) {
            writes.helpDisputed(e.helpId(), true);
        } else if (event instanceof HelpConfirmed e) {
            writes.helpDisputed(e.helpId(), false);
        }
    }

    /** Records made by earlier events, as this batch left them or else as stored; none means events out of order (Journal refuses). */
    private final class Remembered implements Journal.Earlier {

        private final Writes writes;

        Remembered(Writes writes) {
            this.writes = writes;
        }

        @Override
        public Optional<Journal.Parties> advance(AdvanceId advance) {
            Journal.Parties queued = writes.parties.get(advance);
            if (queued != null) {
                return Optional.of(queued);
            }
            return jdbc.query("SELECT lender_id, borrower_id FROM journal_advance_party WHERE advance_id = ?",
                    (rs, i) -> new Journal.Parties(MemberId.of(rs.getString("lender_id")), MemberId.of(rs.getString("borrower_id"))),
                    advance.value()).stream().findFirst();
        }

        @Override
        public Optional<Journal.HelpGiven> help(HelpId help) {
            return Optional.ofNullable(writes.helps.get(help)).or(() -> storedHelp(help));
        }
    }

    private Optional<Journal.HelpGiven> storedHelp(HelpId help) {
        return jdbc.query("SELECT helper_id, receiver_id, minutes, disputed FROM journal_help WHERE help_id = ?",
                (rs, i) -> new Journal.HelpGiven(MemberId.of(rs.getString("helper_id")), MemberId.of(rs.getString("receiver_id")),
                        rs.getLong("minutes"), rs.getBoolean("disputed")),
                help.value()).stream().findFirst();
    }

    /**
     * When the event was stored, to the second: the accountant's "recorded" column. Whole seconds
     * because H2 and PostgreSQL keep different fractions, and a rebuild must write what was written.
     */
    private static OffsetDateTime recordedAt(EventMessage<?> message) {
        return message.getTimestamp().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
    }

    /** The event's own position in the store: it orders entries of the same date as they were recorded. */
    private static long globalOrder(EventMessage<?> message) {
        return EventPosition.of(message);
    }

    /** An account's running balance, per community and unit. */
    private record BalanceKey(String community, String account, String unit) {
    }

    /**
     * The rows of one processor batch. One statement per event and row cost most of the replay
     * (parsing, a round trip and index upkeep each); one JDBC batch per table instead, and each
     * account's balance changed once per batch by the sum of its postings.
     */
    private final class Writes {

        private final Map<AdvanceId, Journal.Parties> parties = new HashMap<>();
        private final List<Object[]> partyRows = new ArrayList<>();
        /** Help as this batch leaves it, so a later event of the same batch reads it before the rows are sent. */
        private final Map<HelpId, Journal.HelpGiven> helps = new HashMap<>();
        private final List<Object[]> helpRows = new ArrayList<>();
        private final List<Object[]> helpStatusRows = new ArrayList<>();
        private final List<Object[]> entryRows = new ArrayList<>();
        private final List<Object[]> postingRows = new ArrayList<>();
        private final Map<BalanceKey, Long> balanceDeltas = new LinkedHashMap<>();
        private final List<Object[]> assertionRows = new ArrayList<>();
        private final List<Object[]> withdrawals = new ArrayList<>();

        void assertion(BalanceAssertion assertion, long globalOrder) {
            assertionRows.add(new Object[] {globalOrder, assertion.communityId().value(), assertion.code(), assertion.date(),
                    assertion.description(), assertion.account(), assertion.unit().name(), assertion.quantity()});
        }

        void withdraw(BalanceAssertion.Key key) {
            withdrawals.add(new Object[] {key.communityId().value(), key.account(), key.code()});
        }

        void parties(AdvanceId advance, CommunityId community, MemberId lender, MemberId borrower) {
            parties.put(advance, new Journal.Parties(lender, borrower));
            partyRows.add(new Object[] {advance.value(), community.value(), lender.value(), borrower.value()});
        }

        void help(HelpId help, CommunityId community, Journal.HelpGiven given) {
            helps.put(help, given);
            helpRows.add(new Object[] {help.value(), community.value(), given.helper().value(), given.receiver().value(),
                    given.minutes(), given.disputed()});
        }

        /** Only for help recorded earlier (the journal has refused otherwise): its row exists by the time this one is sent. */
        void helpDisputed(HelpId help, boolean disputed) {
            Journal.HelpGiven given = new Remembered(this).help(help).orElseThrow(() ->
                    new IllegalStateException("journal out of step: unknown help record " + help));
            helps.put(help, new Journal.HelpGiven(given.helper(), given.receiver(), given.minutes(), disputed));
            helpStatusRows.add(new Object[] {disputed, help.value()});
        }

        void add(JournalEntry entry, long globalOrder, OffsetDateTime recordedAt, Optional<ClaimLink> claim) {
            String community = entry.communityId().value();
            entryRows.add(new Object[] {globalOrder, community, entry.code(), entry.date(), entry.description(), recordedAt,
                    claim.map(c -> c.claim().value()).orElse(null), claim.map(c -> c.initiative().value()).orElse(null)});
            List<Posting> postings = entry.postings();
            for (int line = 0; line < postings.size(); line++) {
                Posting posting = postings.get(line);
                postingRows.add(new Object[] {globalOrder, line, community, entry.date(), posting.account(),
                        posting.unit().name(), posting.quantity()});
                balanceDeltas.merge(new BalanceKey(community, posting.account(), posting.unit().name()), posting.quantity(),
                        Long::sum);
            }
        }

        /** Entries before their postings (foreign key); then the balances. */
        void flush() {
            batch("INSERT INTO journal_advance_party (advance_id, community_id, lender_id, borrower_id) VALUES (?, ?, ?, ?)",
                    partyRows);
            batch("INSERT INTO journal_help (help_id, community_id, helper_id, receiver_id, minutes, disputed) VALUES (?, ?, ?, ?, ?, ?)",
                    helpRows);
            batchOfOneRowEach("UPDATE journal_help SET disputed = ? WHERE help_id = ?", helpStatusRows);
            batch("""
                    INSERT INTO journal_entry (global_order, community_id, code, business_date, description, recorded_at,
                        claim_id, claim_initiative_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", entryRows);
            batch("""
                    INSERT INTO journal_posting (global_order, line_no, community_id, business_date, account, unit, quantity)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", postingRows);
            flushBalances();
            batch("""
                    INSERT INTO journal_assertion (global_order, community_id, code, business_date, description, account, unit,
                        quantity, withdrawn)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE)""", assertionRows);
            flushWithdrawals();
            parties.clear();
            helps.clear();
            balanceDeltas.clear();
        }

        /**
         * Update first, insert the accounts that had no row yet: portable between H2 and
         * PostgreSQL, and safe because the journal's processor has one segment, so no other
         * thread writes these rows.
         */
        private void flushBalances() {
            List<BalanceKey> keys = new ArrayList<>(balanceDeltas.keySet());
            List<Object[]> updates = new ArrayList<>(keys.size());
            for (BalanceKey key : keys) {
                updates.add(new Object[] {balanceDeltas.get(key), key.community(), key.account(), key.unit()});
            }
            int[] updated = updates.isEmpty() ? new int[0] : jdbc.batchUpdate("""
                    UPDATE journal_account_balance SET quantity = quantity + ?
                     WHERE community_id = ? AND account = ? AND unit = ?""", updates);
            List<Object[]> inserts = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                if (updated[i] == 0) {
                    BalanceKey key = keys.get(i);
                    inserts.add(new Object[] {key.community(), key.account(), key.unit(), balanceDeltas.get(key)});
                }
            }
            batch("INSERT INTO journal_account_balance (community_id, account, unit, quantity) VALUES (?, ?, ?, ?)", inserts);
        }

        /** A reopening withdraws exactly one assertion in force; anything else means the events are out of step. */
        private void flushWithdrawals() {
            if (withdrawals.isEmpty()) {
                return;
            }
            int[] counts = jdbc.batchUpdate("""
                    UPDATE journal_assertion SET withdrawn = TRUE
                     WHERE community_id = ? AND account = ? AND code = ? AND withdrawn = FALSE""", withdrawals);
            for (int count : counts) {
                if (count != 1) {
                    throw new IllegalStateException("a reopening found " + count + " assertions in force to withdraw instead of 1");
                }
            }
            withdrawals.clear();
        }

        private void batch(String sql, List<Object[]> rows) {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
                rows.clear();
            }
        }

        /** Each row must change exactly one row, or the batch fails and the processor retries it. */
        private void batchOfOneRowEach(String sql, List<Object[]> rows) {
            if (rows.isEmpty()) {
                return;
            }
            int[] changed = jdbc.batchUpdate(sql, rows);
            for (int count : changed) {
                if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                    throw new IllegalStateException("journal out of step: " + sql + " changed " + count + " rows");
                }
            }
            rows.clear();
        }
    }

    /**
     * Every account's non-zero balance per unit on business date {@code asOf} (inclusive). On or
     * after the community's latest business date that is the stored running balance, a lookup;
     * for an earlier date the postings up to it are summed (a scan of the community's postings).
     */
    public AccountBalances balances(CommunityId community, LocalDate asOf) {
        // The stored balances in the order of their covering index (community first: one community,
        // so the same order as by account and unit), which H2 then reads without a sort (V32_0).
        if (!hasEntriesAfter(community, asOf)) {
            return limited(jdbc.query("""
                    SELECT account, unit, quantity FROM journal_account_balance
                     WHERE community_id = ? AND quantity <> 0
                     ORDER BY community_id, account, unit
                     LIMIT ?""", JournalPostings::balance, community.value(), MAX_BALANCE_ROWS + 1));
        }
        return limited(jdbc.query("""
                SELECT account, unit, SUM(quantity) AS quantity
                  FROM journal_posting
                 WHERE community_id = ? AND business_date <= ?
                 GROUP BY account, unit
                HAVING SUM(quantity) <> 0
                 ORDER BY account, unit
                 LIMIT ?""",
                JournalPostings::balance, community.value(), asOf, MAX_BALANCE_ROWS + 1));
    }

    /**
     * Whether any entry of the community lies after {@code day}: the start of one range of the date
     * index. (The community's latest date by {@code MAX(business_date)} walked all of its entries in H2.)
     */
    private boolean hasEntriesAfter(CommunityId community, LocalDate day) {
        return !jdbc.queryForList("SELECT 1 FROM journal_entry WHERE community_id = ? AND business_date > ? LIMIT 1",
                Integer.class, community.value(), day).isEmpty();
    }

    private static AccountBalance balance(ResultSet rs, int row) throws SQLException {
        return new AccountBalance(rs.getString("account"), Unit.valueOf(rs.getString("unit").trim()), rs.getLong("quantity"));
    }

    private static AccountBalances limited(List<AccountBalance> rows) {
        boolean truncated = rows.size() > MAX_BALANCE_ROWS;
        return new AccountBalances(truncated ? rows.subList(0, MAX_BALANCE_ROWS) : rows, truncated);
    }

    /** Number of entries the community's journal holds. */
    public long entryCount(CommunityId community) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE community_id = ?", Long.class,
                community.value());
        return count == null ? 0 : count;
    }

    /** Writes the community's journal as hledger / ledger-cli text, by business date, then as recorded. */
    public void exportHledger(CommunityId community, Writer out) {
        HledgerWriter writer = new HledgerWriter(community, out);
        writer.header();
        streamWithAssertions(community, EARLIEST, LATEST, writer::row);
        writer.finish();
    }

    /**
     * Writes one business year as a book that checks on its own ({@code hledger close --clopen}
     * style): an opening entry on 1 January carrying every balance-sheet account's balance from
     * the year before, the year's entries and assertions, and a closing entry on 31 December
     * taking them back to zero. Next year's opening is this year's closing turned around, so the
     * years together add up to the whole book. Income, expenses, hours and the reciprocity
     * memorandum show the year's movements only.
     */
    public void exportHledgerYear(CommunityId community, Year year, Writer out) {
        LocalDate first = year.atDay(1);
        LocalDate last = year.atMonth(12).atEndOfMonth();
        HledgerWriter writer = new HledgerWriter(community, out);
        writer.yearHeader(year);
        writer.opening(year, balanceSheetAtEndOf(community, first.minusDays(1)));
        streamWithAssertions(community, first, last, writer::row);
        writer.closing(year, balanceSheetAtEndOf(community, last));
        writer.finish();
    }

    /** Balance-sheet accounts with a balance at the end of {@code day}; memory grows with the accounts, not the postings. */
    private List<AccountBalance> balanceSheetAtEndOf(CommunityId community, LocalDate day) {
        List<AccountBalance> balances = new ArrayList<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(BALANCES_AT_END_OF);
            statement.setFetchSize(EXPORT_FETCH_SIZE);
            statement.setString(1, community.value());
            statement.setObject(2, day);
            return statement;
        }, (RowCallbackHandler) rs -> {
            if (Accounts.onBalanceSheet(rs.getString("account"))) {
                balances.add(balance(rs, 0));
            }
        });
        return balances;
    }

    private void streamWithAssertions(CommunityId community, LocalDate from, LocalDate to, RowCallbackHandler handler) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(EXPORT_ROWS_WITH_ASSERTIONS);
            statement.setFetchSize(EXPORT_FETCH_SIZE);
            for (int offset : new int[] {0, 3}) {
                statement.setString(offset + 1, community.value());
                statement.setObject(offset + 2, from);
                statement.setObject(offset + 3, to);
            }
            return statement;
        }, handler);
    }

    /** Writes the community's postings as the accountant's CSV, one row per posting (columns in {@link CsvLanguage}). */
    public void exportCsv(CommunityId community, CsvOptions options, Writer out) {
        CsvWriter writer = new CsvWriter(out, options);
        writer.header();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(EXPORT_ROWS);
            statement.setFetchSize(EXPORT_FETCH_SIZE);
            statement.setString(1, community.value());
            return statement;
        }, (RowCallbackHandler) writer::row);
        writer.flush();
    }

    /** The same CSV for one initiative's own accounts: its fund, income, expenses and open claims. */
    public void exportInitiativeCsv(CommunityId community, InitiativeId initiative, CsvOptions options, Writer out) {
        CsvWriter writer = new CsvWriter(out, options);
        writer.header();
        List<String> prefixes = Accounts.ofInitiative(initiative);
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(INITIATIVE_ROWS);
            statement.setFetchSize(EXPORT_FETCH_SIZE);
            statement.setString(1, community.value());
            for (int i = 0; i < prefixes.size(); i++) {
                // ids hold lower-case letters, digits and hyphens only: nothing LIKE would read as a wildcard
                statement.setString(i + 2, prefixes.get(i) + "%");
            }
            return statement;
        }, (RowCallbackHandler) writer::row);
        writer.flush();
    }

    static UncheckedIOException writeFailed(IOException e) {
        return new UncheckedIOException("writing the journal export failed", e);
    }
}
