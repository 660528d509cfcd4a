package nl.wederkerig.projections.readmodels;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One read model: the processing group that fills it, the tables it owns, and how to make a fresh
 * instance over any database (so it can be rebuilt beside the live one and compared).
 *
 * @param tables  every table the read model writes, each with the columns that identify a row
 * @param factory makes the projection object (the one with the event handlers) over a database
 */
public record ReadModel(String name, String processingGroup, List<Table> tables, Function<JdbcTemplate, Object> factory) {

    public ReadModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(processingGroup, "processingGroup");
        tables = List.copyOf(tables);
        Objects.requireNonNull(factory, "factory");
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a read model owns at least one table");
        }
    }

    /** Empties every table; used when the read model is rebuilt from the first event. */
    public void clear(JdbcTemplate jdbc) {
        for (Table table : tables) {
            jdbc.update("DELETE FROM " + table.name());
        }
    }

    /** A table and the columns that identify one of its rows, in the order rows are compared. */
    public record Table(String name, List<String> keyColumns) {

        public Table {
            // Names go into SQL text: only plain identifiers, never input.
            if (!name.matches("[a-z_]{1,63}") || keyColumns.isEmpty()
                    || !keyColumns.stream().allMatch(column -> column.matches("[a-z_]{1,63}"))) {
                throw new IllegalArgumentException("not a plain table or column name: " + name + " " + keyColumns);
            }
            keyColumns = List.copyOf(keyColumns);
        }
    }
}
