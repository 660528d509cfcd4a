package nl.wederkerig.projections.journal;

import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.journal.Unit;
import nl.wederkerig.core.shared.InitiativeId;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes export rows as RFC 4180 CSV for the accountant, one line per posting (columns in
 * {@link CsvLanguage#header()}): business date, recorded date, entry, reference (the entry's code),
 * description, account, debit or credit, the amount without sign, unit, the signed quantity in whole
 * smallest units (1250 cents, 140 minutes, so a program needs no floating point), the account's
 * running balance after the posting, and a relative link to the claim the entry came from.
 *
 * <p>The running balance is kept per account and unit while the rows stream by business date and
 * then as recorded, so it is the balance a reader gets by adding the rows above; memory grows with
 * the number of accounts, not of postings.
 */
final class CsvWriter {

    /** The characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Writer out;
    private final CsvOptions options;
    private final Map<String, Long> balances = new HashMap<>();

    CsvWriter(Writer out, CsvOptions options) {
        this.out = out;
        this.options = options;
    }

    void header() {
        line(options.language().header());
    }

    void row(ResultSet rs) throws SQLException {
        Unit unit = Unit.valueOf(rs.getString("unit").trim());
        String account = rs.getString("account");
        long quantity = rs.getLong("quantity");
        long balance = balances.merge(account + ' ' + unit.name(), quantity, Math::addExact);
        line(List.of(
                rs.getObject("business_date", LocalDate.class).toString(),
                recordedOn(rs),
                Long.toString(rs.getLong("global_order")),
                rs.getString("code"),
                rs.getString("description"),
                account,
                options.language().side(quantity),
                BigDecimal.valueOf(Math.absExact(quantity), unit.decimals()).toPlainString(),
                unit.name(),
                Long.toString(quantity),
                BigDecimal.valueOf(balance, unit.decimals()).toPlainString(),
                link(rs)));
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw JournalPostings.writeFailed(e);
        }
    }

    /** Empty for an entry written before the journal kept it (V23_0), until a rebuild. */
    private String recordedOn(ResultSet rs) throws SQLException {
        OffsetDateTime recorded = rs.getObject("recorded_at", OffsetDateTime.class);
        return recorded == null ? "" : recorded.atZoneSameInstant(options.zone()).toLocalDate().toString();
    }

    private String link(ResultSet rs) throws SQLException {
        String claim = rs.getString("claim_id");
        String initiative = rs.getString("claim_initiative_id");
        if (claim == null || initiative == null) {
            return "";
        }
        return options.claimLink().apply(new ClaimLink(InitiativeId.of(initiative), ClaimId.of(claim)));
    }

    private void line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (String cell : cells) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            line.append(field(cell));
        }
        write(line.append("\r\n").toString());
    }

    /**
     * One cell: a number stays as it is (a spreadsheet must still add it up); any other cell that
     * starts like a formula gets a leading apostrophe, so opening the file runs nothing; then it is
     * quoted when it holds a comma, quote or line break (RFC 4180), quotes doubled.
     */
    static String field(String value) {
        String safe = value;
        if (!safe.isEmpty() && FORMULA_STARTS.indexOf(safe.charAt(0)) >= 0 && !isNumber(safe)) {
            safe = "'" + safe;
        }
        if (safe.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static boolean isNumber(String value) {
        return value.matches("-?[0-9]+(\\.[0-9]+)?");
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw JournalPostings.writeFailed(e);
        }
    }
}
