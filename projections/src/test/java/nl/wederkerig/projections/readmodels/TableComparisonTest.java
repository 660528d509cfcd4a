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
}
