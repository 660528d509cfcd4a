package nl.wederkerig.projections.journal;

import nl.wederkerig.core.journal.BalanceAssertion;
import nl.wederkerig.core.journal.Hledger;
import nl.wederkerig.core.journal.JournalEntry;
import nl.wederkerig.core.journal.Posting;
import nl.wederkerig.core.journal.Unit;
import nl.wederkerig.core.shared.CommunityId;

import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns export rows (one per posting, grouped by entry) back into {@link JournalEntry}s and writes
 * them with {@link Hledger#format}; an assertion row (a period close) is written as its
 * {@link BalanceAssertion}. Holds one entry at a time, so memory is bounded by
 * {@link JournalEntry#MAX_POSTINGS}; rebuilding the entry also re-checks that it balances.
 */
final class HledgerWriter {

    /**
     * Directives first: the decimal mark, so no reader guesses from the amounts, and one display
     * format per unit (two decimals for euros, whole minutes). hledger 1.25 requires a decimal mark
     * in a commodity directive, hence {@code 1000.} for minutes; ledger-cli accepts both lines.
     */
    static final String DIRECTIVES = """
            decimal-mark .
            commodity 1000.00 EUR
            commodity 1000. MIN
            """;

    private final CommunityId community;
    private final Writer out;
    private final List<Posting> postings = new ArrayList<>();
    private long order = -1;
    private String code;
    private LocalDate date;
    private String description;

    HledgerWriter(CommunityId community, Writer out) {
        this.community = community;
        this.out = out;
    }

    void header() {
        write("; Wederkerig journal of community " + community + " (hledger journal format).\n"
                + "; EUR in euros; MIN in minutes of volunteer time. Entries by business date, then as recorded.\n"
                + DIRECTIVES + "\n");
    }

    void row(ResultSet rs) throws SQLException {
        if (rs.getInt("assertion") == 1) {
            // an assertion stands on its own, after the entries of its day recorded before it
            flushEntry();
            order = -1;
            write(Hledger.format(new BalanceAssertion(community, rs.getString("code"), rs.getObject("business_date", LocalDate.class),
                    rs.getString("description"), rs.getString("account"), Unit.valueOf(rs.getString("unit").trim()),
                    rs.getLong("quantity"))) + "\n");
            return;
        }
        long rowOrder = rs.getLong("global_order");
        if (rowOrder != order) {
            flushEntry();
            order = rowOrder;
            code = rs.getString("code");
            date = rs.getObject("business_date", LocalDate.class);
            description = rs.getString("description");
        }
        postings.add(new Posting(rs.getString("account"), Unit.valueOf(rs.getString("unit").trim()), rs.getLong("quantity")));
    }

    void finish() {
        flushEntry();
        try {
            out.flush();
        } catch (IOException e) {
            throw JournalPostings.writeFailed(e);
        }
    }

    private void flushEntry() {
        if (postings.isEmpty()) {
            return;
        }
        write(Hledger.format(new JournalEntry(community, code, date, description, postings)) + "\n");
        postings.clear();
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw JournalPostings.writeFailed(e);
        }
    }
}
