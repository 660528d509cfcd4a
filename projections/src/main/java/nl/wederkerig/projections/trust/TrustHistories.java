package nl.wederkerig.projections.trust;

import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers trust histories from the tables of two read models: advances from
 * {@link nl.wederkerig.projections.balances.AdvanceBalances}, errands and help from
 * {@link NeighbourActivity}. Queries only.
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
        HelpAndErrands helpAndErrands = helpAndErrands(community, member, counterparty);
        Span span = span(community, member, counterparty);
        long distinct = counterparty != null ? (span.first() != null ? 1 : 0) : distinctNeighbours(community, member);
        return new TrustHistory(member, counterparty, given, received, helpAndErrands, distinct, span.first(), span.last());
    }

    /** Every (counterparty, date) the member took part in, across advances, errands and help; bounded by the WHERE. */
    private static final String INTERACTIONS = """
            SELECT borrower_id AS counterparty, business_date AS on_date FROM advance_movement WHERE community_id = ? AND lender_id = ?
            UNION ALL
            SELECT lender_id, business_date FROM advance_movement WHERE community_id = ? AND borrower_id = ?
            UNION ALL
            SELECT asker_id, started_on FROM errand_activity WHERE community_id = ? AND helper_id = ?
            UNION ALL
            SELECT helper_id, started_on FROM errand_activity WHERE community_id = ? AND asker_id = ?
            UNION ALL
            SELECT receiver_id, business_date FROM help_activity WHERE community_id = ? AND helper_id = ?
            UNION ALL
            SELECT helper_id, business_date FROM help_activity WHERE community_id = ? AND receiver_id = ?""";

    private static Object[] interactionArguments(CommunityId community, MemberId member) {
        Object[] arguments = new Object[12];
        for (int i = 0; i < arguments.length; i += 2) {
            arguments[i] = community.value();
            arguments[i + 1] = member.value();
        }
        return arguments;
    }

    private HelpAndErrands helpAndErrands(CommunityId community, MemberId member, MemberId counterparty) {
        String withErrandHelper = counterparty == null ? "" : " AND helper_id = ?";
        String withErrandAsker = counterparty == null ? "" : " AND asker_id = ?";
        String withReceiver = counterparty == null ? "" : " AND receiver_id = ?";
        String withHelper = counterparty == null ? "" : " AND helper_id = ?";
        // Done means finished (everything accounted for), not merely agreed: naming a helper does nothing yet.
        return new HelpAndErrands(
                count("SELECT COUNT(*) FROM errand_activity WHERE status = 'DONE' AND community_id = ? AND helper_id = ?"
                        + withErrandAsker, community, member, counterparty),
                count("SELECT COUNT(*) FROM errand_activity WHERE community_id = ? AND asker_id = ?" + withErrandHelper,
                        community, member, counterparty),
                // The help that counts, as the balances and the journal count it: disputed minutes are off.
                count("SELECT COALESCE(SUM(delta_minutes), 0) FROM help_movement"
                        + " WHERE community_id = ? AND helper_id = ?" + withReceiver, community, member, counterparty),
                count("SELECT COALESCE(SUM(delta_minutes), 0) FROM help_movement"
                        + " WHERE community_id = ? AND receiver_id = ?" + withHelper, community, member, counterparty),
                count("SELECT COUNT(*) FROM help_activity WHERE status = 'DISPUTED' AND community_id = ?"
                        + " AND (helper_id = ? OR receiver_id = ?)" + (counterparty == null ? ""
                        : " AND (helper_id = ? OR receiver_id = ?)"), community, member, member, counterparty, counterparty));
    }

    /** Runs a counting query whose trailing arguments may be absent (no counterparty). */
    private long count(String sql, Object... arguments) {
        List<Object> values = new ArrayList<>();
        for (Object argument : arguments) {
            if (argument != null) {
                values.add(argument instanceof CommunityId c ? c.value() : ((MemberId) argument).value());
            }
        }
        Long result = jdbc.queryForObject(sql, Long.class, values.toArray());
        return result == null ? 0 : result;
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
        Long count = jdbc.queryForObject("SELECT COUNT(DISTINCT counterparty) FROM (" + INTERACTIONS + ") AS dealt_with",
                Long.class, interactionArguments(community, member));
        return count == null ? 0 : count;
    }

    private record Span(LocalDate first, LocalDate last) {
    }

    /** First and last business date of anything the member (with the counterparty, if given) took part in. */
    private Span span(CommunityId community, MemberId member, MemberId counterparty) {
        String sql = "SELECT MIN(on_date) AS first_day, MAX(on_date) AS last_day FROM (" + INTERACTIONS + ") AS dealt_with"
                + (counterparty == null ? "" : " WHERE counterparty = ?");
        List<Object> arguments = new ArrayList<>(List.of(interactionArguments(community, member)));
        if (counterparty != null) {
            arguments.add(counterparty.value());
        }
        return jdbc.queryForObject(sql, (rs, i) -> new Span(rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class)), arguments.toArray());
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
