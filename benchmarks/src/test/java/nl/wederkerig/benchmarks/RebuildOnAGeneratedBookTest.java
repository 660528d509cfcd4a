package nl.wederkerig.benchmarks;

import nl.wederkerig.api.platform.readmodels.ReadModels;
import nl.wederkerig.projections.ReadModelCatalog;
import nl.wederkerig.projections.readmodels.ReadModel;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild gives exactly the rows the live read models hold, table by table, on a generated book of
 * a few thousand events (advances, funds, claims, a partner), the real application on an H2 file;
 * also when the live tables were wrong or empty before it, since the swap writes only the rows that
 * differ.
 */
class RebuildOnAGeneratedBookTest {

    static final long BOOK_EVENTS = 4_000;

    @TempDir
    static Path directory;
    static LedgerApp app;
    static JdbcTemplate jdbc;
    static ReadModels readModels;
    /** Every read-model table as the live processors made it from the book. */
    static Map<String, List<String>> live;

    @BeforeAll
    static void aBookTheLiveReadModelsHaveSeen() {
        // The generator appends 1,000 events per transaction: on a loaded machine that outlasts the 5 s append bound.
        app = LedgerApp.start(directory.resolve("book"), Map.of("wederkerig.event-store.append-bound", "60s",
                "wederkerig.event-store.gap-timeout", "180s"));
        jdbc = app.bean(JdbcTemplate.class);
        readModels = app.bean(ReadModels.class);
        new BookGenerator(app.bean(EventStore.class)).appendUntil(0, BOOK_EVENTS);
        // The check waits until every live processor reached the head, then compares with a fresh replay.
        assertThat(readModels.check(line -> { })).isEmpty();
        live = everyTable();
        assertThat(live.get("advance_balance")).hasSizeGreaterThan(1_000);
        assertThat(live.get("journal_posting")).hasSizeGreaterThan(3_000);
        assertThat(live.get("fund_movement")).isNotEmpty();
        assertThat(live.get("reciprocity_movement")).isNotEmpty();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRebuildGivesTheLiveRowsTableByTable() {
        readModels.rebuild(line -> { });

        assertThat(everyTable()).isEqualTo(live);
    }

    @Test
    void aRebuildRepairsRowsThatWereChangedMissingOrExtra() {
        jdbc.update("UPDATE advance_balance SET outstanding_cents = outstanding_cents + 1 WHERE advance_id IN "
                + "(SELECT advance_id FROM advance_balance ORDER BY advance_id LIMIT 50)");
        jdbc.update("DELETE FROM advance_movement WHERE advance_id IN (SELECT advance_id FROM advance_balance ORDER BY advance_id LIMIT 20)");
        // An entry with its postings gone (the posting refers to its entry), and one entry's postings changed.
        long first = jdbc.queryForObject("SELECT MIN(global_order) FROM journal_entry", Long.class);
        long last = jdbc.queryForObject("SELECT MAX(global_order) FROM journal_entry", Long.class);
        jdbc.update("DELETE FROM journal_posting WHERE global_order = ?", first);
        jdbc.update("DELETE FROM journal_entry WHERE global_order = ?", first);
        jdbc.update("UPDATE journal_posting SET quantity = quantity + 7 WHERE global_order = ?", last);
        jdbc.update("UPDATE journal_entry SET description = 'not so' WHERE global_order = ?", last);
        jdbc.update("INSERT INTO journal_entry (global_order, community_id, code, business_date, description)"
                + " VALUES (?, 'nowhere', 'x', DATE '2020-01-01', 'made up')", last + 1_000_000);
        jdbc.update("INSERT INTO journal_posting (global_order, line_no, community_id, business_date, account, unit, quantity)"
                + " VALUES (?, 1, 'nowhere', DATE '2020-01-01', 'assets:nothing', 'EUR', 1)", last + 1_000_000);
        assertThat(everyTable()).isNotEqualTo(live);

        readModels.rebuild(line -> { });

        assertThat(everyTable()).isEqualTo(live);
    }

    @Test
    void aRebuildFillsEmptiedTables() {
        for (ReadModel model : ReadModelCatalog.all()) {
            model.clear(jdbc);
        }

        readModels.rebuild(line -> { });

        assertThat(everyTable()).isEqualTo(live);
        assertThat(readModels.check(line -> { })).isEmpty();
    }

    /** Each table's rows in key order, every column as text. */
    private static Map<String, List<String>> everyTable() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (ReadModel model : ReadModelCatalog.all()) {
            for (ReadModel.Table table : model.tables()) {
                List<String> rows = new ArrayList<>();
                jdbc.query("SELECT * FROM " + table.name() + " ORDER BY " + String.join(", ", table.keyColumns()), (ResultSet rs) -> {
                    ResultSetMetaData meta = rs.getMetaData();
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.append(meta.getColumnLabel(i)).append('=').append(rs.getString(i)).append(' ');
                    }
                    rows.add(row.toString());
                });
                tables.put(table.name(), rows);
            }
        }
        return tables;
    }
}
