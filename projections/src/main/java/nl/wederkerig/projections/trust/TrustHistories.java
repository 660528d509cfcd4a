package nl.wederkerig.projections.trust;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers trust histories from the balances read model's tables. Queries only: the tables are
 * filled by {@link nl.wederkerig.projections.balances.AdvanceBalances}.
 */
public class TrustHistories {

    private final JdbcTemplate jdbc;

    public TrustHistories(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A neighbour's history with everyone in the community. */
    public TrustHistory of(CommunityId community, MemberId member) {
        return history(community, member, null);
    }

    /** A neighbour's history with one counterparty. */
    public TrustHistory between(CommunityId community, MemberId member, MemberId counterparty) {
        return history(community, member, counterparty);
    }

    private TrustHistory history(CommunityId community, MemberId member, MemberId counterparty) {
        AdvanceSide given = side(community, "lender_id", "borrower_id", member, counterparty);
        AdvanceSide received = side(community, "borrower_id", "lender_id", member, counterparty);
        LocalDate[] span = span(community, member, counterparty);
        long distinct = counterparty != null ? (given.count() + received.count() > 0 ? 1 : 0)
                : distinctNeighbours(community, member);
        return new TrustHistory(member, counterparty, given, received, distinct, span[0], span[1]);
    }

    // me and other are the two party columns: ("lender_id", "borrower_id") or the reverse; never input.
    private AdvanceSide side(CommunityId community, String me, String other, MemberId member, MemberId counterparty) {
        List<Object> arguments = new ArrayList<>(List.of(community.value(), member.value()));
        String withCounterparty = "";
        if (counterparty != null) {
            withCounterparty = " AND " + other + " = ?";
            arguments.add(counterparty.value());
        }
        return jdbc.queryForObject("""
                SELECT COUNT(*) AS advances,
                       COALESCE(SUM(amount_cents), 0) AS total_cents,
                       COALESCE(SUM(CASE WHEN status = 'SETTLED' THEN 1 ELSE 0 END), 0) AS settled,
                       PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY settled_after_days) AS median_days,
                       MAX(settled_after_days) AS max_days,
                       COALESCE(SUM(CASE WHEN forgiven_cents > 0 THEN 1 ELSE 0 END), 0) AS forgiven,
                       COALESCE(SUM(forgiven_cents), 0) AS forgiven_cents,
                       COALESCE(SUM(CASE WHEN disputed THEN 1 ELSE 0 END), 0) AS disputed,
                       COALESCE(SUM(CASE WHEN status = 'CANCELLED' THEN 1 ELSE 0 END), 0) AS cancelled
                  FROM advance_balance
                 WHERE community_id = ? AND %s = ?%s""".formatted(me, withCounterparty),
                (rs, i) -> new AdvanceSide(
                        rs.getLong("advances"),
                        Money.ofCents(rs.getLong("total_cents"), Money.EUR),
                        rs.getLong("settled"),
                        nullableLong(rs.getObject("median_days")),
                        nullableLong(rs.getObject("max_days")),
                        rs.getLong("forgiven"),
                        Money.ofCents(rs.getLong("forgiven_cents"), Money.EUR),
                        rs.getLong("disputed"),
                        rs.getLong("cancelled")),
                arguments.toArray());
    }

    private long distinctNeighbours(CommunityId community, MemberId member) {
        Long count = jdbc.queryForObject("""
                SELECT COUNT(DISTINCT counterparty) FROM (
                    SELECT borrower_id AS counterparty FROM advance_balance WHERE community_id = ? AND lender_id = ?
                    UNION
                    SELECT lender_id AS counterparty FROM advance_balance WHERE community_id = ? AND borrower_id = ?
                ) AS dealt_with""", Long.class, community.value(), member.value(), community.value(), member.value());
        return count == null ? 0 : count;
    }

    /** First and last business date of any movement the member (and counterparty) took part in. */
    private LocalDate[] span(CommunityId community, MemberId member, MemberId counterparty) {
        String pair = counterparty == null ? "(lender_id = ? OR borrower_id = ?)"
                : "((lender_id = ? AND borrower_id = ?) OR (lender_id = ? AND borrower_id = ?))";
        List<Object> arguments = new ArrayList<>(List.of(community.value()));
        if (counterparty == null) {
            arguments.addAll(List.of(member.value(), member.value()));
        } else {
            arguments.addAll(List.of(member.value(), counterparty.value(), counterparty.value(), member.value()));
        }
        return jdbc.queryForObject("SELECT MIN(business_date) AS first_day, MAX(business_date) AS last_day"
                        + " FROM advance_movement WHERE community_id = ? AND " + pair,
                (rs, i) -> new LocalDate[] {rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class)},
                arguments.toArray());
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
