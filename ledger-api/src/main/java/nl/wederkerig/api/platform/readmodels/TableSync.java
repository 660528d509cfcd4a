package nl.wederkerig.api.platform.readmodels;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements that make a live read-model table equal to its rebuilt copy in the shadow schema,
 * writing only the rows that differ. Table and column names come from the catalog and the database's
 * own metadata, never from input.
 */
final class TableSync {

    private TableSync() {
    }

    /** Deletes the live rows whose key the copy does not have. */
    static String deleteMissing(String table, List<String> key) {
        return "DELETE FROM " + table + " WHERE NOT EXISTS (SELECT 1 FROM " + ShadowSchema.qualified(table) + " s WHERE "
                + key.stream().map(column -> "s." + column + " = " + table + "." + column).collect(Collectors.joining(" AND "))
                + ")";
    }

    /** Every row of the copy into the (emptied) live table. */
    static String copyAll(String table, List<String> columns) {
        String names = String.join(", ", columns);
        return "INSERT INTO " + table + " (" + names + ") SELECT " + names + " FROM " + ShadowSchema.qualified(table);
    }

    /** H2: the copy's rows that are new inserted, those that differ in any column updated; equal rows untouched. */
    static String mergeChangedH2(String table, List<String> columns, List<String> key) {
        List<String> others = columns.stream().filter(column -> !key.contains(column)).toList();
        StringBuilder sql = new StringBuilder("MERGE INTO " + table + " USING " + ShadowSchema.qualified(table) + " s ON ("
                + key.stream().map(column -> table + "." + column + " = s." + column).collect(Collectors.joining(" AND ")) + ")");
        if (!others.isEmpty()) {
            sql.append(" WHEN MATCHED AND (").append(anyDiffers(table + ".", "s.", others)).append(") THEN UPDATE SET ")
                    .append(others.stream().map(column -> column + " = s." + column).collect(Collectors.joining(", ")));
        }
        sql.append(" WHEN NOT MATCHED THEN INSERT (").append(String.join(", ", columns)).append(") VALUES (")
                .append(columns.stream().map(column -> "s." + column).collect(Collectors.joining(", "))).append(")");
        return sql.toString();
    }

    /** PostgreSQL (any version since 9.5, unlike MERGE): the same by INSERT … ON CONFLICT on the key. */
    static String upsertChangedPostgres(String table, List<String> columns, List<String> key) {
        List<String> others = columns.stream().filter(column -> !key.contains(column)).toList();
        String names = String.join(", ", columns);
        String sql = "INSERT INTO " + table + " AS l (" + names + ") SELECT " + names + " FROM " + ShadowSchema.qualified(table)
                + " ON CONFLICT (" + String.join(", ", key) + ") DO ";
        if (others.isEmpty()) {
            return sql + "NOTHING";
        }
        return sql + "UPDATE SET " + others.stream().map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "))
                + " WHERE " + anyDiffers("l.", "EXCLUDED.", others);
    }

    private static String anyDiffers(String left, String right, List<String> columns) {
        return columns.stream().map(column -> left + column + " IS DISTINCT FROM " + right + column)
                .collect(Collectors.joining(" OR "));
    }
}
