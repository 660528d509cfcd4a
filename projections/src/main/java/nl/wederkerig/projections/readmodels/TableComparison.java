package nl.wederkerig.projections.readmodels;

import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares a table row by row between two databases (the live one and a fresh rebuild, possibly on
 * different engines). Values are compared in a normal form, so PostgreSQL's and H2's types agree.
 */
public final class TableComparison {

    /** Most differences listed per table; more are counted but not spelled out. */
    public static final int MAX_LISTED_DIFFERENCES = 100;

    /** Most rows compared per table in one check, to keep a check's memory bounded. */
    public static final int MAX_ROWS_PER_TABLE = 5_000_000;

    private TableComparison() {
    }

    public static List<Difference> compare(JdbcTemplate live, JdbcTemplate fresh, ReadModel.Table table) {
        Map<String, String> liveRows = rows(live, table);
        Map<String, String> freshRows = rows(fresh, table);
        List<Difference> differences = new ArrayList<>();
        for (Map.Entry<String, String> row : liveRows.entrySet()) {
            String rebuilt = freshRows.getOrDefault(row.getKey(), Difference.MISSING);
            if (!rebuilt.equals(row.getValue())) {
                differences.add(new Difference(table.name(), row.getKey(), row.getValue(), rebuilt));
            }
        }
        for (Map.Entry<String, String> row : freshRows.entrySet()) {
            if (!liveRows.containsKey(row.getKey())) {
                differences.add(new Difference(table.name(), row.getKey(), Difference.MISSING, row.getValue()));
            }
        }
        return differences;
    }

    private static Map<String, String> rows(JdbcTemplate jdbc, ReadModel.Table table) {
        String order = String.join(", ", table.keyColumns());
        Map<String, String> rows = new TreeMap<>();
        jdbc.query("SELECT * FROM " + table.name() + " ORDER BY " + order, (ResultSet rs) -> {
            if (rows.size() >= MAX_ROWS_PER_TABLE) {
                throw new IllegalStateException("table " + table.name() + " exceeds " + MAX_ROWS_PER_TABLE + " rows");
            }
            rows.put(key(rs, table), normalRow(rs));
        });
        return rows;
    }

    private static String key(ResultSet rs, ReadModel.Table table) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (String column : table.keyColumns()) {
            parts.add(normal(rs.getObject(column)));
        }
        return String.join("|", parts);
    }

    private static String normalRow(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, String> columns = new TreeMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.put(meta.getColumnLabel(i).toLowerCase(), normal(rs.getObject(i)));
        }
        return columns.toString();
    }

    static String normal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        // A moment: PostgreSQL's driver gives a Timestamp for TIMESTAMP WITH TIME ZONE, H2 an OffsetDateTime.
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof java.time.OffsetDateTime moment) {
            return moment.toInstant().toString();
        }
        if (value instanceof String text) {
            // CHAR columns are padded on some engines.
            return text.stripTrailing();
        }
        return value.toString();
    }
}
