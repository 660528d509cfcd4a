package nl.wederkerig.projections.reciprocity;

import nl.wederkerig.core.community.CommunityNamed;
import nl.wederkerig.core.community.HourValuationMethod;
import nl.wederkerig.core.community.HourValuationSet;
import nl.wederkerig.core.community.PartnerRegistered;
import nl.wederkerig.core.reciprocity.HoursDrawn;
import nl.wederkerig.core.reciprocity.InKindReturned;
import nl.wederkerig.core.reciprocity.MoneyReturned;
import nl.wederkerig.core.reciprocity.ReciprocityEntry;
import nl.wederkerig.core.reciprocity.ReciprocityEntryReversed;
import nl.wederkerig.core.reciprocity.ServiceCategory;
import nl.wederkerig.core.reciprocity.ServiceDrawn;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.projections.readmodels.Periods;
import nl.wederkerig.projections.readmodels.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Projection of reciprocity entries into dated movements, and the partner's statement and balance
 * from them. Hours are valued when read, each entry with the valuation in force on its own date,
 * the same rule and rounding as the domain's {@code ReciprocityStatement}; a later valuation only
 * applies from its effective date, so it never changes a past statement.
 */
@ProcessingGroup(PartnerReciprocity.PROCESSING_GROUP)
public class PartnerReciprocity {

    public static final String PROCESSING_GROUP = "reciprocity";

    public static final ReadModel READ_MODEL = new ReadModel("partner reciprocity", PROCESSING_GROUP,
            List.of(new ReadModel.Table("reciprocity_partner", List.of("partner_id")),
                    new ReadModel.Table("reciprocity_valuation", List.of("community_id", "effective_from")),
                    new ReadModel.Table("reciprocity_community", List.of("community_id")),
                    new ReadModel.Table("reciprocity_movement", List.of("partner_id", "movement_id"))),
            PartnerReciprocity::new);

    /** A balance "as of" sums from here: before any entry the ledger accepts. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** Most grouped rows one statement reads; far above a neighbourhood's three years of entries. */
    static final int MAX_GROUPS = 100_000;

    /** Most hour valuations a community keeps; one a month for eighty years fits. */
    static final int MAX_VALUATIONS = 1_000;

    private final JdbcTemplate jdbc;

    public PartnerReciprocity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(jdbc);
    }

    @EventHandler
    void on(PartnerRegistered event) {
        jdbc.update("INSERT INTO reciprocity_partner (partner_id, community_id, registered_on) VALUES (?, ?, ?)",
                event.partnerId().value(), event.communityId().value(), event.businessDate());
    }

    /** The latest name counts: a renamed wijk is shown by its new name, on old periods too. */
    @EventHandler
    void on(CommunityNamed event) {
        jdbc.update("DELETE FROM reciprocity_community WHERE community_id = ?", event.communityId().value());
        jdbc.update("INSERT INTO reciprocity_community (community_id, name) VALUES (?, ?)",
                event.communityId().value(), event.name().value());
    }

    /** A second valuation from the same date replaces the first, as in the domain's HourValuations. */
    @EventHandler
    void on(HourValuationSet event) {
        jdbc.update("DELETE FROM reciprocity_valuation WHERE community_id = ? AND effective_from = ?",
                event.communityId().value(), event.effectiveFrom());
        jdbc.update("INSERT INTO reciprocity_valuation (community_id, effective_from, per_hour_cents, method) VALUES (?, ?, ?, ?)",
                event.communityId().value(), event.effectiveFrom(), event.perHour().cents(),
                (event.method() == null ? HourValuationMethod.UNSPECIFIED : event.method()).name());
    }

    @EventHandler
    void on(HoursDrawn event) {
        add(event.partnerId(), event.communityId(), event.commandId().value(), event, 1, event.businessDate());
    }

    @EventHandler
    void on(ServiceDrawn event) {
        add(event.partnerId(), event.communityId(), event.commandId().value(), event, 1, event.businessDate());
    }

    @EventHandler
    void on(MoneyReturned event) {
        add(event.partnerId(), event.communityId(), event.commandId().value(), event, 1, event.businessDate());
    }

    @EventHandler
    void on(InKindReturned event) {
        add(event.partnerId(), event.communityId(), event.commandId().value(), event, 1, event.businessDate());
    }

    /** Counts on the reversal's own date, with the original's amounts and valuation date. */
    @EventHandler
    void on(ReciprocityEntryReversed event) {
        add(event.partnerId(), event.communityId(), event.commandId().value(), event.original(), -1, event.businessDate());
    }

    /** Whether the partner is registered in that community. */
    public boolean knows(CommunityId community, PartnerId partner) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM reciprocity_partner WHERE community_id = ? AND partner_id = ?",
                Integer.class, community.value(), partner.value());
        return rows != null && rows > 0;
    }

    /** Drawn versus returned for business dates {@code from}–{@code to} (a {@link Periods} period), per initiative and in total. */
    public PartnerStatement statement(CommunityId community, PartnerId partner, LocalDate from, LocalDate to) {
        Periods.requireValid(from, to);
        Map<InitiativeId, LineTally> lines = tally(community, partner, from, to);
        LineTally total = new LineTally(null);
        List<StatementLine> shown = new ArrayList<>();
        for (LineTally line : lines.values()) {
            line.addTo(total);
            shown.add(line.shown());
        }
        return new PartnerStatement(partner, from, to, shown, total.shown());
    }

    /**
     * Month by month from {@code first} to {@code last} (at most {@link Periods#MAX_DAYS} days), each
     * valued as a statement of that month is, with the running balance of everything up to each
     * month's end. One statement query per month: the same valuation rule by construction.
     */
    public List<MonthFigures> monthly(CommunityId community, PartnerId partner, YearMonth first, YearMonth last) {
        Periods.requireValid(first.atDay(1), last.atEndOfMonth());
        long running = balanceOf(community, partner, first.atDay(1).minusDays(1)).balance().cents();
        List<MonthFigures> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            LineTally total = new LineTally(null);
            tally(community, partner, month.atDay(1), month.atEndOfMonth()).values().forEach(line -> line.addTo(total));
            running += total.balanceCents();
            months.add(new MonthFigures(month, total.drawnMinutes, total.unvaluedMinutes, LineTally.eur(total.drawnValueCents),
                    LineTally.eur(total.returnedMoneyCents), LineTally.eur(total.returnedInKindCents),
                    LineTally.eur(total.balanceCents()), LineTally.eur(running)));
        }
        return months;
    }

    /** The community's hour valuations, oldest first: the history a statement's values come from. */
    public List<HourValuation> valuationsOf(CommunityId community) {
        return jdbc.query("""
                SELECT effective_from, per_hour_cents, method FROM reciprocity_valuation WHERE community_id = ?
                 ORDER BY effective_from LIMIT ?""",
                (rs, row) -> new HourValuation(rs.getObject("effective_from", LocalDate.class),
                        LineTally.eur(rs.getLong("per_hour_cents")), HourValuationMethod.valueOf(rs.getString("method"))),
                community.value(), MAX_VALUATIONS);
    }

    /**
     * The partner's latest entries and reversals, newest first, at most {@code limit}: for the
     * coordinator, who records and reverses them. One row per entry, so never for a partner's eyes.
     * Only the rows listed are asked whether they were reversed (by index): asked of every movement
     * before the limit, the page read the partner's movements once per movement (issue 16).
     */
    public List<EntryView> entriesOf(CommunityId community, PartnerId partner, int limit) {
        return jdbc.query("""
                SELECT m.movement_id, m.initiative_id, m.kind, m.category, m.entry_sign, m.minutes, m.service_count,
                       m.amount_cents, m.business_date,
                       (SELECT COUNT(*) FROM reciprocity_movement r WHERE r.partner_id = m.partner_id
                           AND r.entry_sign < 0 AND r.reverses_id = m.movement_id) AS reversals
                  FROM (SELECT * FROM reciprocity_movement
                         WHERE community_id = ? AND partner_id = ?
                         ORDER BY business_date DESC, movement_id DESC
                         LIMIT ?) AS m
                 ORDER BY m.business_date DESC, m.movement_id DESC""",
                (rs, i) -> new EntryView(rs.getString("movement_id"), InitiativeId.of(rs.getString("initiative_id")),
                        rs.getString("kind"), rs.getString("category"), rs.getInt("entry_sign") < 0,
                        rs.getLong("minutes"), rs.getInt("service_count"), LineTally.eur(rs.getLong("amount_cents")),
                        rs.getObject("business_date", LocalDate.class), rs.getLong("reversals") > 0),
                community.value(), partner.value(), limit);
    }

    /** The name people know the wijk by, or its id when it was never named. */
    public String nameOf(CommunityId community) {
        List<String> names = jdbc.queryForList("SELECT name FROM reciprocity_community WHERE community_id = ?",
                String.class, community.value());
        return names.isEmpty() ? community.value() : names.get(0);
    }

    /** The partners registered in the community, by id. */
    public List<PartnerId> partnersOf(CommunityId community) {
        return jdbc.query("SELECT partner_id FROM reciprocity_partner WHERE community_id = ? ORDER BY partner_id LIMIT ?",
                (rs, i) -> PartnerId.of(rs.getString("partner_id")), community.value(), MAX_GROUPS);
    }

    /** Everything drawn and returned up to the end of {@code asOf}; no counts, so nothing to suppress. */
    public PartnerBalance balanceOf(CommunityId community, PartnerId partner, LocalDate asOf) {
        LineTally total = new LineTally(null);
        tally(community, partner, EARLIEST, asOf).values().forEach(line -> line.addTo(total));
        return new PartnerBalance(partner, asOf, total.drawnMinutes, total.unvaluedMinutes,
                LineTally.eur(total.drawnValueCents), LineTally.eur(total.returnedMoneyCents),
                LineTally.eur(total.returnedInKindCents), LineTally.eur(total.balanceCents()));
    }

    private Map<InitiativeId, LineTally> tally(CommunityId community, PartnerId partner, LocalDate from, LocalDate to) {
        Map<InitiativeId, LineTally> lines = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        addHours(lines, valuations(community), community, partner, from, to);
        addOthers(lines, community, partner, from, to);
        return lines;
    }

    /**
     * Entries of the same minutes valued on the same date are worth the same, so they are grouped
     * and valued once, times their net number (reversals count -1).
     */
    private void addHours(Map<InitiativeId, LineTally> lines, NavigableMap<LocalDate, Long> perHourCents,
                          CommunityId community, PartnerId partner, LocalDate from, LocalDate to) {
        List<Object> read = jdbc.query("""
                SELECT initiative_id, valued_on, minutes, SUM(entry_sign) AS entries FROM reciprocity_movement
                 WHERE community_id = ? AND partner_id = ? AND kind = 'HOURS' AND business_date BETWEEN ? AND ?
                 GROUP BY initiative_id, valued_on, minutes
                 LIMIT ?""",
                (rs, i) -> {
                    LineTally line = lineOf(lines, rs);
                    long entries = rs.getLong("entries");
                    long minutes = entries * rs.getLong("minutes");
                    Map.Entry<LocalDate, Long> valuation = perHourCents.floorEntry(rs.getObject("valued_on", LocalDate.class));
                    line.drawnMinutes += minutes;
                    line.hoursEntries += entries;
                    if (valuation == null) {
                        line.unvaluedMinutes += minutes;
                    } else {
                        line.drawnValueCents += entries * valueCents(valuation.getValue(), rs.getLong("minutes"));
                    }
                    return line;
                }, community.value(), partner.value(), from, to, MAX_GROUPS + 1);
        requireWithinLimit(read.size());
    }

    private void addOthers(Map<InitiativeId, LineTally> lines, CommunityId community, PartnerId partner,
                           LocalDate from, LocalDate to) {
        List<Object> read = jdbc.query("""
                SELECT initiative_id, kind, category, SUM(entry_sign) AS entries,
                       SUM(entry_sign * service_count) AS services, SUM(entry_sign * amount_cents) AS cents
                  FROM reciprocity_movement
                 WHERE community_id = ? AND partner_id = ? AND kind <> 'HOURS' AND business_date BETWEEN ? AND ?
                 GROUP BY initiative_id, kind, category
                 LIMIT ?""",
                (rs, i) -> {
                    LineTally line = lineOf(lines, rs);
                    switch (rs.getString("kind")) {
                        case "SERVICE" -> line.services.merge(ServiceCategory.valueOf(rs.getString("category")),
                                rs.getLong("services"), Long::sum);
                        case "MONEY" -> {
                            line.returnedMoneyCents += rs.getLong("cents");
                            line.moneyReturns += rs.getLong("entries");
                        }
                        default -> {
                            line.returnedInKindCents += rs.getLong("cents");
                            line.inKindReturns += rs.getLong("entries");
                        }
                    }
                    return line;
                }, community.value(), partner.value(), from, to, MAX_GROUPS + 1);
        requireWithinLimit(read.size());
    }

    private static LineTally lineOf(Map<InitiativeId, LineTally> lines, ResultSet rs) throws SQLException {
        InitiativeId initiative = InitiativeId.of(rs.getString("initiative_id"));
        return lines.computeIfAbsent(initiative, LineTally::new);
    }

    /** The domain's rounding (HourValuations.value): half-even to the cent, per entry. */
    static long valueCents(long perHourCents, long minutes) {
        return BigDecimal.valueOf(perHourCents).multiply(BigDecimal.valueOf(minutes))
                .divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private NavigableMap<LocalDate, Long> valuations(CommunityId community) {
        NavigableMap<LocalDate, Long> perHourCents = new TreeMap<>();
        jdbc.query("""
                SELECT effective_from, per_hour_cents FROM reciprocity_valuation WHERE community_id = ?
                 ORDER BY effective_from LIMIT ?""",
                rs -> {
                    perHourCents.put(rs.getObject("effective_from", LocalDate.class), rs.getLong("per_hour_cents"));
                }, community.value(), MAX_VALUATIONS);
        return perHourCents;
    }

    private static void requireWithinLimit(int rows) {
        if (rows > MAX_GROUPS) {
            throw new IllegalStateException("a statement would read more than " + MAX_GROUPS + " groups; ask for a shorter period");
        }
    }

    private void add(PartnerId partner, CommunityId community, String movementId, ReciprocityEntry entry, int sign,
                     LocalDate on) {
        jdbc.update("""
                INSERT INTO reciprocity_movement (partner_id, movement_id, community_id, initiative_id, kind, category,
                    entry_sign, minutes, service_count, amount_cents, valued_on, business_date, reverses_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                partner.value(), movementId, community.value(), entry.initiativeId().value(), kindOf(entry),
                categoryOf(entry), sign, entry instanceof HoursDrawn h ? h.hours().minutes() : 0,
                entry instanceof ServiceDrawn s ? s.count() : 0, amountCents(entry), entry.businessDate(), on,
                sign < 0 ? entry.commandId().value() : null);
    }

    private static String kindOf(ReciprocityEntry entry) {
        if (entry instanceof HoursDrawn) {
            return "HOURS";
        }
        if (entry instanceof ServiceDrawn) {
            return "SERVICE";
        }
        return entry instanceof MoneyReturned ? "MONEY" : "IN_KIND";
    }

    private static String categoryOf(ReciprocityEntry entry) {
        if (entry instanceof ServiceDrawn s) {
            return s.category().name();
        }
        return entry instanceof InKindReturned k ? k.category().name() : null;
    }

    private static long amountCents(ReciprocityEntry entry) {
        if (entry instanceof MoneyReturned m) {
            return m.amount().cents();
        }
        return entry instanceof InKindReturned k ? k.value().cents() : 0;
    }
}
