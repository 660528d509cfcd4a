package nl.wederkerig.projections.journal;

import nl.wederkerig.core.journal.BalanceAssertion;
import nl.wederkerig.core.journal.Hledger;
import nl.wederkerig.core.journal.JournalEntry;
import nl.wederkerig.core.journal.Posting;
import nl.wederkerig.core.journal.Unit;
import nl.wederkerig.core.shared.CommunityId;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    /** Where a year's balance sheet goes at its close and comes from at the next opening: hledger's default name. */
    static final String EQUITY = "equity:opening/closing balances";

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

    /** The header of one year's book: what it holds, and how it joins the years beside it. */
    void yearHeader(Year year) {
        write("; Wederkerig journal of community " + community + ", business year " + year + " (hledger journal format).\n"
                + "; EUR in euros; MIN in minutes of volunteer time. Entries by business date, then as recorded.\n"
                + "; Opens on " + year.atDay(1) + " with the balance sheet carried from " + EQUITY + " and closes on "
                + year.atMonth(12).atEndOfMonth() + " back into it (hledger close --clopen style), so this year checks on its own.\n"
                + DIRECTIVES + "\n");
    }

    /**
     * The opening entry on the year's first day: every balance-sheet account's balance, each with
     * an assertion (nothing comes before it in this file), against {@link #EQUITY}.
     */
    void opening(Year year, List<AccountBalance> balances) {
        clopen(year.atDay(1), "opening-" + year, "opening balances", balances, 1);
    }

    /** The closing entry on the year's last day, after everything else: every balance-sheet account back to zero. */
    void closing(Year year, List<AccountBalance> balances) {
        flushEntry();
        clopen(year.atMonth(12).atEndOfMonth(), "closing-" + year, "closing balances", balances, -1);
    }

    private void clopen(LocalDate day, String code, String description, List<AccountBalance> balances, int sign) {
        if (balances.isEmpty()) {
            return;
        }
        StringBuilder entry = new StringBuilder(day + " (" + code + ") " + description + "\n");
        Map<Unit, Long> equity = new EnumMap<>(Unit.class);
        for (AccountBalance balance : balances) {
            long quantity = sign * balance.quantity();
            long after = sign > 0 ? balance.quantity() : 0;
            entry.append("    ").append(balance.account()).append("  ").append(amount(quantity, balance.unit()))
                    .append(" = ").append(amount(after, balance.unit())).append('\n');
            equity.merge(balance.unit(), -quantity, Math::addExact);
        }
        equity.forEach((unit, quantity) ->
                entry.append("    ").append(EQUITY).append("  ").append(amount(quantity, unit)).append('\n'));
        write(entry.append('\n').toString());
    }

    private static String amount(long quantity, Unit unit) {
        return BigDecimal.valueOf(quantity, unit.decimals()).toPlainString() + " " + unit.name();
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
