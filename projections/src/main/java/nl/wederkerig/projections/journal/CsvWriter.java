package nl.wederkerig.projections.journal;

import nl.wederkerig.core.journal.Unit;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes export rows as RFC 4180 CSV, one line per posting. {@code amount} is the decimal a person
 * reads (12.50); {@code quantity} the exact whole smallest units (1250 cents, 140 minutes) for
 * programs, so nothing needs floating point to read it back.
 */
final class CsvWriter {

    static final String HEADER = "date,entry,code,description,account,amount,unit,quantity";

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void header() {
        write(HEADER + "\r\n");
    }

    void row(ResultSet rs) throws SQLException {
        Unit unit = Unit.valueOf(rs.getString("unit").trim());
        long quantity = rs.getLong("quantity");
        write(String.join(",",
                rs.getObject("business_date", java.time.LocalDate.class).toString(),
                Long.toString(rs.getLong("global_order")),
                field(rs.getString("code")),
                field(rs.getString("description")),
                field(rs.getString("account")),
                BigDecimal.valueOf(quantity, unit.decimals()).toPlainString(),
                unit.name(),
                Long.toString(quantity)) + "\r\n");
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw JournalPostings.writeFailed(e);
        }
    }

    /** Quotes a field when it holds a comma, quote or line break; ids and phrases normally do not. */
    static String field(String value) {
        if (value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw JournalPostings.writeFailed(e);
        }
    }
}
