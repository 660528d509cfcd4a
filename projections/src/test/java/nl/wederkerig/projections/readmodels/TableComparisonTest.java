package nl.wederkerig.projections.readmodels;

import nl.wederkerig.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableComparisonTest {

    static final ReadModel.Table TABLE = new ReadModel.Table("advance_balance", List.of("advance_id"));

    static void row(JdbcTemplate jdbc, String id, long outstandingCents) {
        jdbc.update("""
                INSERT INTO advance_balance (advance_id, community_id, lender_id, borrower_id, currency,
                    amount_cents, outstanding_cents, status, made_on)
                VALUES (?, 'west', 'a', 'b', 'EUR', 1000, ?, 'MADE', DATE '2026-11-01')""", id, outstandingCents);
    }

    @Test
    void equalTablesHaveNoDifferences() {
        JdbcTemplate live = ReadModelDatabase.fresh();
        JdbcTemplate fresh = ReadModelDatabase.fresh();
        row(live, "x", 500);
        row(fresh, "x", 500);
        assertThat(TableComparison.compare(live, fresh, TABLE)).isEmpty();
    }

    @Test
    void reportsChangedMissingAndExtraRows() {
        JdbcTemplate live = ReadModelDatabase.fresh();
        JdbcTemplate fresh = ReadModelDatabase.fresh();
        row(live, "changed", 500);
        row(fresh, "changed", 400);
        row(live, "only-live", 1);
        row(fresh, "only-rebuilt", 1);

        List<Difference> differences = TableComparison.compare(live, fresh, TABLE);

        assertThat(differences).extracting(Difference::key).containsExactlyInAnyOrder("changed", "only-live", "only-rebuilt");
        assertThat(differences).filteredOn(d -> d.key().equals("only-live")).first()
                .extracting(Difference::fresh).isEqualTo(Difference.MISSING);
    }

    @Test
    void refusesNamesThatAreNotPlainIdentifiers() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReadModel.Table("x; DROP TABLE y", List.of("id")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The check may compare the live tables with a rebuild on another engine: the same value must
     * read the same on both. PostgreSQL's driver gives a {@code TIMESTAMP WITH TIME ZONE} as a
     * {@link java.sql.Timestamp}, H2 as an {@link java.time.OffsetDateTime}; the journal's recorded
     * moment differed on every row of a PostgreSQL check until both were read as the instant they are.
     */
    @Test
    void aMomentReadsTheSameFromEitherEngine() {
        java.time.Instant recorded = java.time.Instant.parse("2026-12-02T14:00:24Z");

        assertThat(TableComparison.normal(java.sql.Timestamp.from(recorded)))
                .isEqualTo(TableComparison.normal(java.time.OffsetDateTime.ofInstant(recorded, java.time.ZoneOffset.ofHours(1))))
                .isEqualTo("2026-12-02T14:00:24Z");
    }
}
