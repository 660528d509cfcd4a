package nl.wederkerig.projections.balances;

import nl.wederkerig.core.advances.Advance;
import nl.wederkerig.core.advances.AdvanceAcknowledged;
import nl.wederkerig.core.advances.AdvanceCancelled;
import nl.wederkerig.core.advances.AdvanceDisputed;
import nl.wederkerig.core.advances.AdvanceForgiven;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceMade;
import nl.wederkerig.core.advances.AdvanceReimbursed;
import nl.wederkerig.core.advances.AdvanceStatus;
import nl.wederkerig.core.advances.ErrandAdvanceOpened;
import nl.wederkerig.core.advances.ReimbursementConfirmed;
import nl.wederkerig.core.errands.ErrandOverspent;
import nl.wederkerig.core.advances.ReimbursementReversed;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.projections.readmodels.QueuedWrites;
import nl.wederkerig.projections.readmodels.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projection of advances into balances. A plain class: given events in, queries out; Spring only
 * supplies the {@link JdbcTemplate}. Each handler changes one row, so replaying the events from the
 * start into empty tables gives the same rows again.
 */
@ProcessingGroup(AdvanceBalances.PROCESSING_GROUP)
public class AdvanceBalances {

    public static final String PROCESSING_GROUP = "balances";

    /** Most open advances one balance query lists per neighbour; the rest are summed but not listed. */
    public static final int MAX_LISTED_ADVANCES = 500;

    /** An advance has at most this many commands, so at most this many reimbursements to list. */
    public static final int MAX_LISTED_REIMBURSEMENTS = Advance.MAX_COMMANDS;

    public static final ReadModel READ_MODEL = new ReadModel("advance balances", PROCESSING_GROUP,
            List.of(new ReadModel.Table("advance_balance", List.of("advance_id")),
                    new ReadModel.Table("advance_movement", List.of("advance_id", "movement_id")),
                    new ReadModel.Table("advance_reimbursement", List.of("advance_id", "reimbursement_id")),
                    new ReadModel.Table("advance_step", List.of("advance_id", "step_no"))),
            AdvanceBalances::new);

    /** Most advances one list (a neighbour's advances, what waits for them) shows, newest first. */
    public static final int MAX_LISTED = 200;

    /** "As of" with no date: later than any business date the ledger accepts. */
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /** The movement id of the movement that made an advance (later ones use their command id). */
    static final String MADE_MOVEMENT = "made";

    private final JdbcTemplate jdbc;
    /** Movement rows, sent per processor batch: see {@link QueuedWrites}. */
    private final QueuedWrites movements;

    public AdvanceBalances(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.movements = new QueuedWrites(jdbc, this);
    }

    /** Before a replay from the first event: start from empty tables. */
    @ResetHandler
    void reset() {
        READ_MODEL.clear(jdbc);
    }

    @EventHandler
    void on(AdvanceMade event) {
        open(event.advanceId(), event.communityId(), event.lender(), event.borrower(), event.amount(), event.businessDate(), null);
        if (!event.actor().equals(event.lender())) {
            requireOneRow(jdbc.update("UPDATE advance_balance SET recorded_by = ? WHERE advance_id = ?",
                    event.actor().value(), event.advanceId().value()), event.advanceId(), "unknown advance");
        }
        step(event.advanceId(), "made", AdvanceStep.Kind.MADE, event.businessDate(), event.amount(), event.purpose().name(),
                event.actor());
    }

    /**
     * An errand's overspend is a debt from the moment it is reported, as the journal books it: from
     * here on it is owed like any other advance, and it names its errand.
     */
    @EventHandler
    void on(ErrandOverspent event) {
        open(event.advanceId(), event.communityId(), event.lender(), event.borrower(), event.amount(), event.businessDate(),
                event.errandId());
        step(event.advanceId(), "made", AdvanceStep.Kind.MADE_FROM_ERRAND, event.businessDate(), event.amount(),
                event.errandId().value(), event.actor());
    }

    /** The advance the overspend became is now open for its steps; the row exists since the overspend and must agree. */
    @EventHandler
    void on(ErrandAdvanceOpened event) {
        Integer rows = jdbc.queryForObject("""
                SELECT COUNT(*) FROM advance_balance
                 WHERE advance_id = ? AND errand_id = ? AND lender_id = ? AND borrower_id = ? AND amount_cents = ?""",
                Integer.class, event.advanceId().value(), event.errandId().value(), event.lender().value(),
                event.borrower().value(), event.amount().cents());
        requireOneRow(rows == null ? 0 : rows, event.advanceId(), "no overspend of errand " + event.errandId() + " like it");
    }

    private void open(AdvanceId advance, CommunityId community, MemberId lender, MemberId borrower, Money amount,
                      LocalDate madeOn, ErrandId errand) {
        jdbc.update("""
                INSERT INTO advance_balance (advance_id, community_id, lender_id, borrower_id, currency,
                    amount_cents, outstanding_cents, status, made_on, errand_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                advance.value(), community.value(), lender.value(), borrower.value(),
                amount.currency().getCurrencyCode(), amount.cents(), amount.cents(), AdvanceStatus.MADE.name(), madeOn,
                errand == null ? null : errand.value());
        movements.write("""
                INSERT INTO advance_movement (advance_id, movement_id, community_id, lender_id, borrower_id, kind,
                    delta_cents, business_date, made_on)
                VALUES (?, ?, ?, ?, ?, 'MADE', ?, ?, ?)""", 1,
                advance.value(), MADE_MOVEMENT, community.value(), lender.value(), borrower.value(),
                amount.cents(), madeOn, madeOn);
    }

    /** Acknowledging a disputed advance resolves the dispute from that date on. */
    @EventHandler
    void on(AdvanceAcknowledged event) {
        int rows = jdbc.update("""
                UPDATE advance_balance
                   SET dispute_resolved_on = CASE WHEN status = 'DISPUTED' THEN ? ELSE dispute_resolved_on END, status = ?
                 WHERE advance_id = ?""",
                event.businessDate(), AdvanceStatus.ACKNOWLEDGED.name(), event.advanceId().value());
        requireOneRow(rows, event.advanceId(), "unknown advance");
        step(event.advanceId(), event.commandId().value(), AdvanceStep.Kind.ACKNOWLEDGED, event.businessDate(), null, null,
                event.actor());
    }

    @EventHandler
    void on(AdvanceDisputed event) {
        int rows = jdbc.update("UPDATE advance_balance SET status = ?, disputed = TRUE, disputed_on = ? WHERE advance_id = ?",
                AdvanceStatus.DISPUTED.name(), event.businessDate(), event.advanceId().value());
        requireOneRow(rows, event.advanceId(), "unknown advance");
        step(event.advanceId(), event.commandId().value(), AdvanceStep.Kind.DISPUTED, event.businessDate(), null,
                event.reason().name(), event.actor());
    }

    @EventHandler
    void on(AdvanceReimbursed event) {
        boolean settled = event.outstandingAfter().isZero();
        int rows = jdbc.update("""
                UPDATE advance_balance
                   SET outstanding_cents = outstanding_cents - ?, status = ?, closed_on = ?,
                       settled_after_days = ?
                 WHERE advance_id = ? AND outstanding_cents - ? = ?""",
                event.amount().cents(),
                (settled ? AdvanceStatus.SETTLED : AdvanceStatus.ACKNOWLEDGED).name(),
                settled ? event.businessDate() : null,
                settled ? daysSinceMade(event.advanceId(), event.businessDate()) : null,
                event.advanceId().value(), event.amount().cents(), event.outstandingAfter().cents());
        // The event states the outstanding amount after it; if the row disagrees the read model is
        // corrupt, and failing stops the processor instead of building on a wrong number.
        requireOneRow(rows, event.advanceId(), "reimbursement does not match the outstanding amount");
        addMovement(event.advanceId(), event.commandId().value(), "REIMBURSED", -event.amount().cents(), event.businessDate());
        // Written at once, not queued: a confirmation or reversal in the same batch updates this row.
        jdbc.update("""
                INSERT INTO advance_reimbursement (advance_id, reimbursement_id, community_id, currency, amount_cents, paid_on)
                VALUES (?, ?, ?, ?, ?, ?)""",
                event.advanceId().value(), event.commandId().value(), event.communityId().value(),
                event.amount().currency().getCurrencyCode(), event.amount().cents(), event.businessDate());
        step(event.advanceId(), event.commandId().value(), AdvanceStep.Kind.REIMBURSED, event.businessDate(), event.amount(),
                null, event.actor());
    }

    /** The lender received the reimbursement: visible on the advance, so nobody has to ask again. */
    @EventHandler
    void on(ReimbursementConfirmed event) {
        markReimbursement(event.advanceId(), event.reimbursementId(), "confirmed_on", event.businessDate());
        Long cents = jdbc.queryForObject("SELECT amount_cents FROM advance_reimbursement WHERE advance_id = ? AND reimbursement_id = ?",
                Long.class, event.advanceId().value(), event.reimbursementId().value());
        step(event.advanceId(), event.commandId().value(), AdvanceStep.Kind.CONFIRMED, event.businessDate(),
                Money.ofCents(cents == null ? 0 : cents, Money.EUR), event.reimbursementId().value(), event.actor());
    }

    /** A reimbursement that never arrived was taken back: it is owed again from the reversal's date. */
    @EventHandler
    void on(ReimbursementReversed event) {
        int rows = jdbc.update("""
                UPDATE advance_balance SET outstanding_cents = outstanding_cents + ?
                 WHERE advance_id = ? AND outstanding_cents + ? = ?""",
                event.amount().cents(), event.advanceId().value(), event.amount().cents(), event.outstandingAfter().cents());
        requireOneRow(rows, event.advanceId(), "reversal does not match the outstanding amount");
        addMovement(event.advanceId(), event.commandId().value(), "REVERSED", event.amount().cents(), event.businessDate());
        markReimbursement(event.advanceId(), event.reimbursementId(), "reversed_on", event.businessDate());
        step(event.advanceId(), event.commandId().value(), AdvanceStep.Kind.REVERSED, event.businessDate(), event.amount(),
                event.reason().name(), event.actor());
    }

    // dateColumn is one of two constants above, never input.
    private void markReimbursement(AdvanceId advance, CommandId reimbursement, String dateColumn, LocalDate on) {
        int rows = jdbc.update("UPDATE advance_reimbursement SET " + dateColumn + " = ? WHERE advance_id = ? AND reimbursement_id = ?",
                on, advance.value(), reimbursement.value());
        requireOneRow(rows, advance, "unknown reimbursement " + reimbursement);
    }

    @EventHandler
    void on(AdvanceForgiven event) {
        close(event.advanceId(), AdvanceStatus.FORGIVEN, event.businessDate(), event.amount().cents());
        addMovement(event.advanceId(), event.commandId().value(), "FORGIVEN", -event.amount().cents(), event.businessDate());
        step(event.advanceId(), event.commandId().value(), AdvanceStep.Kind.FORGIVEN, event.businessDate(), event.amount(),
                null, event.actor());
    }

    @EventHandler
    void on(AdvanceCancelled event) {
        close(event.advanceId(), AdvanceStatus.CANCELLED, event.businessDate(), 0);
        addMovement(event.advanceId(), event.commandId().value(), "CANCELLED", -event.amount().cents(), event.businessDate());
        step(event.advanceId(), event.commandId().value(), AdvanceStep.Kind.CANCELLED, event.businessDate(), event.amount(),
                null, event.actor());
    }

    /**
     * Appends one step to the advance's history, after the handler has brought its row up to date:
     * what is owed after the step is the row's outstanding amount now. Written at once, not
     * queued, because the next step's number and outstanding amount are read back. A step without
     * an amount of its own (acknowledged, disputed) records zero.
     */
    private void step(AdvanceId advance, String stepId, AdvanceStep.Kind kind, LocalDate on, Money amount, String detail,
                      MemberId actor) {
        int rows = jdbc.update("""
                INSERT INTO advance_step (advance_id, step_no, step_id, community_id, kind, business_date, currency,
                    amount_cents, outstanding_after_cents, detail, actor_id)
                SELECT b.advance_id,
                       (SELECT COALESCE(MAX(s.step_no), 0) + 1 FROM advance_step s WHERE s.advance_id = b.advance_id),
                       ?, b.community_id, ?, ?, b.currency, ?, b.outstanding_cents, ?, ?
                  FROM advance_balance b WHERE b.advance_id = ?""",
                stepId, kind.name(), on, amount == null ? 0 : amount.cents(), detail, actor.value(), advance.value());
        requireOneRow(rows, advance, "no advance for step " + stepId);
    }

    /** The history of one advance, step by step in the order recorded; empty when unknown in that community. */
    public List<AdvanceStep> steps(CommunityId community, AdvanceId advance) {
        return jdbc.query("""
                SELECT * FROM advance_step WHERE community_id = ? AND advance_id = ?
                 ORDER BY step_no LIMIT ?""", STEP_ROW, community.value(), advance.value(), Advance.MAX_COMMANDS + 2);
    }

    /**
     * A neighbour's advances, lent and borrowed, open and closed, newest first (at most
     * {@link #MAX_LISTED}); without their reimbursements, which {@link #advance} lists.
     */
    public List<AdvanceView> advancesOf(CommunityId community, MemberId member) {
        return jdbc.query("""
                SELECT * FROM (SELECT * FROM advance_balance WHERE community_id = ? AND lender_id = ?
                               UNION ALL
                               SELECT * FROM advance_balance WHERE community_id = ? AND borrower_id = ?) AS a
                 ORDER BY made_on DESC, advance_id LIMIT ?""",
                (rs, i) -> advanceRow(rs, List.of()), community.value(), member.value(), community.value(), member.value(),
                MAX_LISTED);
    }

    /**
     * What waits for a neighbour about advances, oldest first: advances made to them that they have
     * neither acknowledged nor disputed, then reimbursements paid to them whose receipt they have
     * not confirmed (and that were not reversed), in the order they were paid. Each says who recorded
     * it on the other's behalf, from the advance's row or the payment's step: the overview shows it
     * for every item, and a look-up per item made a lender's overview cost one advance per payment.
     */
    public List<AdvanceWaiting> waitingFor(CommunityId community, MemberId member) {
        List<AdvanceWaiting> waiting = new ArrayList<>(jdbc.query("""
                SELECT advance_id, NULL AS reimbursement_id, lender_id AS other_id, currency, amount_cents, made_on AS on_date,
                       recorded_by
                  FROM advance_balance WHERE community_id = ? AND borrower_id = ? AND status = ?
                 ORDER BY made_on, advance_id LIMIT ?""",
                WAITING_ROW, community.value(), member.value(), AdvanceStatus.MADE.name(), MAX_LISTED));
        waiting.addAll(jdbc.query("""
                SELECT r.advance_id, r.reimbursement_id, b.borrower_id AS other_id, r.currency, r.amount_cents, r.paid_on AS on_date,
                       CASE WHEN s.actor_id <> b.borrower_id THEN s.actor_id END AS recorded_by
                  FROM advance_balance b JOIN advance_reimbursement r ON r.advance_id = b.advance_id
                  LEFT JOIN advance_step s ON s.advance_id = r.advance_id AND s.step_id = r.reimbursement_id
                 WHERE b.community_id = ? AND b.lender_id = ? AND r.confirmed_on IS NULL AND r.reversed_on IS NULL
                 ORDER BY r.paid_on, r.advance_id, s.step_no, r.reimbursement_id LIMIT ?""",
                WAITING_ROW, community.value(), member.value(), MAX_LISTED));
        return waiting;
    }

    /** One advance as the read model sees it, with its reimbursements, if it exists in that community. */
    public Optional<AdvanceView> advance(CommunityId community, AdvanceId advance) {
        List<ReimbursementView> reimbursements = jdbc.query("""
                SELECT reimbursement_id, currency, amount_cents, paid_on, confirmed_on, reversed_on
                  FROM advance_reimbursement WHERE community_id = ? AND advance_id = ?
                 ORDER BY paid_on, reimbursement_id
                 LIMIT ?""", REIMBURSEMENT_ROW, community.value(), advance.value(), MAX_LISTED_REIMBURSEMENTS);
        return jdbc.query("SELECT * FROM advance_balance WHERE community_id = ? AND advance_id = ?",
                (rs, i) -> advanceRow(rs, reimbursements), community.value(), advance.value()).stream().findFirst();
    }

    /** A neighbour's balance now: {@link #balanceOf(CommunityId, MemberId, LocalDate)} as of {@link #LATEST}. */
    public NeighbourBalance balanceOf(CommunityId community, MemberId member) {
        return balanceOf(community, member, LATEST);
    }

    /**
     * What a neighbour was owed and owed on business date {@code asOf} (inclusive), and the open
     * advances behind it per counterparty. Back-dated entries count on the date they carry.
     */
    public NeighbourBalance balanceOf(CommunityId community, MemberId member, LocalDate asOf) {
        // Two index lookups, not "lender_id = ? OR borrower_id = ?": with OR the database uses only
        // community_id of an index and reads every movement of the community (measured: p99 24 ms
        // at 1M events). Lender and borrower always differ, so the halves never share an advance.
        List<OpenAdvance> open = jdbc.query("""
                SELECT o.advance_id, o.lender_id, o.borrower_id, b.currency,
                       SUM(o.delta_cents) AS outstanding_cents, o.made_on,
                       CASE WHEN %s THEN 1 ELSE 0 END AS disputed
                  FROM (SELECT advance_id, lender_id, borrower_id, delta_cents, made_on FROM advance_movement
                         WHERE community_id = ? AND lender_id = ? AND business_date <= ?
                        UNION ALL
                        SELECT advance_id, lender_id, borrower_id, delta_cents, made_on FROM advance_movement
                         WHERE community_id = ? AND borrower_id = ? AND business_date <= ?) AS o
                  JOIN advance_balance b ON b.advance_id = o.advance_id
                 GROUP BY o.advance_id, o.lender_id, o.borrower_id, b.currency, o.made_on, b.disputed_on, b.dispute_resolved_on
                HAVING SUM(o.delta_cents) > 0
                 ORDER BY o.made_on, o.advance_id
                 LIMIT ?""".formatted(DISPUTED_AS_OF),
                OPEN_ROW, asOf, asOf, community.value(), member.value(), asOf, community.value(), member.value(), asOf,
                MAX_LISTED_ADVANCES + 1);
        long owedToMeCents = sumMovements(community, "lender_id", member, asOf);
        long iOweCents = sumMovements(community, "borrower_id", member, asOf);
        long disputedOwedToMeCents = sumDisputed(community, "lender_id", member, asOf);
        long disputedIOweCents = sumDisputed(community, "borrower_id", member, asOf);
        long undisputedOwedToMe = owedToMeCents - disputedOwedToMeCents;
        long undisputedIOwe = iOweCents - disputedIOweCents;
        return new NeighbourBalance(member, Money.ofCents(undisputedOwedToMe, Money.EUR), Money.ofCents(undisputedIOwe, Money.EUR),
                Money.ofCents(undisputedOwedToMe - undisputedIOwe, Money.EUR), Money.ofCents(disputedOwedToMeCents, Money.EUR),
                Money.ofCents(disputedIOweCents, Money.EUR), hoursOf(community, member, asOf), pairs(member, open),
                open.size() > MAX_LISTED_ADVANCES);
    }

    /**
     * An advance stands disputed on a date when the borrower disputed it on or before it and had
     * not acknowledged it by then (a later acknowledgement resolves the dispute from its own date).
     * Closing a disputed advance (cancelled, forgiven) brings what it owes to zero by its movements.
     */
    private static final String DISPUTED_AS_OF =
            "b.disputed_on <= ? AND (b.dispute_resolved_on IS NULL OR b.dispute_resolved_on > ?)";

    /** What the advances standing disputed on {@code asOf} owe, on one side of the member. */
    private long sumDisputed(CommunityId community, String partyColumn, MemberId member, LocalDate asOf) {
        // partyColumn is one of two constants above, never input.
        Long cents = jdbc.queryForObject("""
                SELECT COALESCE(SUM(m.delta_cents), 0) FROM advance_movement m
                  JOIN advance_balance b ON b.advance_id = m.advance_id
                 WHERE m.community_id = ? AND m.%s = ? AND m.business_date <= ? AND %s""".formatted(partyColumn, DISPUTED_AS_OF),
                Long.class, community.value(), member.value(), asOf, asOf, asOf);
        return cents == null ? 0 : cents;
    }

    /**
     * Help in hours from the neighbour-activity read model's movements (filled by NeighbourActivity),
     * dated like the journal's: a dispute takes the minutes off from its own date, a confirmation
     * after it puts them back from its date.
     */
    private HoursBalance hoursOf(CommunityId community, MemberId member, LocalDate asOf) {
        long given = sumHelpMinutes(community, "helper_id", member, asOf);
        long received = sumHelpMinutes(community, "receiver_id", member, asOf);
        return new HoursBalance(given, received, given - received);
    }

    private long sumHelpMinutes(CommunityId community, String partyColumn, MemberId member, LocalDate asOf) {
        // partyColumn is one of two constants above, never input.
        Long minutes = jdbc.queryForObject("SELECT COALESCE(SUM(delta_minutes), 0) FROM help_movement"
                        + " WHERE community_id = ? AND " + partyColumn + " = ? AND business_date <= ?",
                Long.class, community.value(), member.value(), asOf);
        return minutes == null ? 0 : minutes;
    }

    private long sumMovements(CommunityId community, String partyColumn, MemberId member, LocalDate asOf) {
        // partyColumn is one of two constants above, never input.
        Long cents = jdbc.queryForObject("SELECT COALESCE(SUM(delta_cents), 0) FROM advance_movement"
                        + " WHERE community_id = ? AND " + partyColumn + " = ? AND business_date <= ?",
                Long.class, community.value(), member.value(), asOf);
        return cents == null ? 0 : cents;
    }

    /**
     * Queued until the processor batch commits (no handler reads movements back); copies the
     * advance's parties from its row, which must exist: one row, or the batch fails and is retried.
     */
    private void addMovement(AdvanceId advance, String movementId, String kind, long deltaCents, LocalDate on) {
        movements.write("""
                INSERT INTO advance_movement (advance_id, movement_id, community_id, lender_id, borrower_id, kind,
                    delta_cents, business_date, made_on)
                SELECT advance_id, ?, community_id, lender_id, borrower_id, ?, ?, ?, made_on
                  FROM advance_balance WHERE advance_id = ?""", 1,
                movementId, kind, deltaCents, on, advance.value());
    }

    private long daysSinceMade(AdvanceId advance, LocalDate settledOn) {
        LocalDate madeOn = jdbc.queryForObject("SELECT made_on FROM advance_balance WHERE advance_id = ?",
                LocalDate.class, advance.value());
        return java.time.temporal.ChronoUnit.DAYS.between(madeOn, settledOn);
    }

    private static List<PairBalance> pairs(MemberId member, List<OpenAdvance> open) {
        Map<MemberId, PairBalance> byCounterparty = new LinkedHashMap<>();
        for (OpenAdvance advance : open.subList(0, Math.min(open.size(), MAX_LISTED_ADVANCES))) {
            boolean iLent = advance.lender().equals(member);
            MemberId other = iLent ? advance.borrower() : advance.lender();
            Money signed = iLent ? advance.outstanding() : Money.zero(Money.EUR).minus(advance.outstanding());
            byCounterparty.merge(other, PairBalance.of(other, signed, advance), PairBalance::plus);
        }
        return new ArrayList<>(byCounterparty.values());
    }

    private void close(AdvanceId advance, AdvanceStatus status, LocalDate on, long forgivenCents) {
        int rows = jdbc.update("""
                UPDATE advance_balance SET outstanding_cents = 0, status = ?, closed_on = ?, forgiven_cents = ?
                 WHERE advance_id = ?""", status.name(), on, forgivenCents, advance.value());
        requireOneRow(rows, advance, "unknown advance");
    }

    private static void requireOneRow(int rows, AdvanceId advance, String problem) {
        if (rows != 1) {
            throw new IllegalStateException("balances read model out of step at advance " + advance + ": " + problem);
        }
    }

    private static final RowMapper<OpenAdvance> OPEN_ROW = (rs, i) -> new OpenAdvance(
            AdvanceId.of(rs.getString("advance_id")),
            MemberId.of(rs.getString("lender_id")),
            MemberId.of(rs.getString("borrower_id")),
            Money.ofCents(rs.getLong("outstanding_cents"), Currency.getInstance(rs.getString("currency").trim())),
            rs.getObject("made_on", LocalDate.class),
            rs.getInt("disputed") == 1);

    private static AdvanceView advanceRow(java.sql.ResultSet rs, List<ReimbursementView> reimbursements) throws java.sql.SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        String errand = rs.getString("errand_id");
        return new AdvanceView(
                AdvanceId.of(rs.getString("advance_id")),
                MemberId.of(rs.getString("lender_id")),
                MemberId.of(rs.getString("borrower_id")),
                Money.ofCents(rs.getLong("amount_cents"), currency),
                Money.ofCents(rs.getLong("outstanding_cents"), currency),
                AdvanceStatus.valueOf(rs.getString("status")),
                rs.getObject("made_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class),
                errand == null ? null : ErrandId.of(errand),
                reimbursements,
                rs.getString("recorded_by") == null ? null : MemberId.of(rs.getString("recorded_by")));
    }

    private static final RowMapper<AdvanceStep> STEP_ROW = (rs, i) -> {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new AdvanceStep(rs.getInt("step_no"), rs.getString("step_id"), AdvanceStep.Kind.valueOf(rs.getString("kind")),
                rs.getObject("business_date", LocalDate.class), Money.ofCents(rs.getLong("amount_cents"), currency),
                Money.ofCents(rs.getLong("outstanding_after_cents"), currency), rs.getString("detail"),
                MemberId.of(rs.getString("actor_id")));
    };

    private static final RowMapper<AdvanceWaiting> WAITING_ROW = (rs, i) -> {
        String reimbursement = rs.getString("reimbursement_id");
        return new AdvanceWaiting(AdvanceId.of(rs.getString("advance_id")),
                reimbursement == null ? null : CommandId.of(reimbursement), MemberId.of(rs.getString("other_id")),
                Money.ofCents(rs.getLong("amount_cents"), Currency.getInstance(rs.getString("currency").trim())),
                rs.getObject("on_date", LocalDate.class),
                rs.getString("recorded_by") == null ? null : MemberId.of(rs.getString("recorded_by")));
    };

    private static final RowMapper<ReimbursementView> REIMBURSEMENT_ROW = (rs, i) -> new ReimbursementView(
            CommandId.of(rs.getString("reimbursement_id")),
            Money.ofCents(rs.getLong("amount_cents"), Currency.getInstance(rs.getString("currency").trim())),
            rs.getObject("paid_on", LocalDate.class),
            rs.getObject("confirmed_on", LocalDate.class),
            rs.getObject("reversed_on", LocalDate.class));
}
