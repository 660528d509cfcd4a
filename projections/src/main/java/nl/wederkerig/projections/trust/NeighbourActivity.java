package nl.wederkerig.projections.trust;

import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.Purpose;
import nl.wederkerig.core.errands.ErrandChangeReturned;
import nl.wederkerig.core.errands.ErrandOverspent;
import nl.wederkerig.core.errands.ErrandSpendingReported;
import nl.wederkerig.core.errands.ErrandStarted;
import nl.wederkerig.core.errands.ErrandStatus;
import nl.wederkerig.core.help.HelpConfirmed;
import nl.wederkerig.core.help.HelpDisputed;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.HelpRecorded;
import nl.wederkerig.core.help.HelpStatus;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.ReceiptReference;
import nl.wederkerig.projections.readmodels.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Errands run and help given between neighbours: the non-money half of a trust history, and each
 * errand and record of help as it stands, so either party can look it up.
 */
@ProcessingGroup(NeighbourActivity.PROCESSING_GROUP)
public class NeighbourActivity {

    public static final String PROCESSING_GROUP = "trust";

    public static final ReadModel READ_MODEL = new ReadModel("neighbour activity", PROCESSING_GROUP,
            List.of(new ReadModel.Table("errand_activity", List.of("errand_id")),
                    new ReadModel.Table("help_activity", List.of("help_id")),
                    new ReadModel.Table("help_movement", List.of("help_id", "movement_id"))),
            NeighbourActivity::new);

    private final JdbcTemplate jdbc;

    public NeighbourActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(jdbc);
    }

    @EventHandler
    void on(ErrandStarted event) {
        jdbc.update("""
                INSERT INTO errand_activity (errand_id, community_id, asker_id, helper_id, started_on, status, purpose,
                    currency, entrusted_cents, held_cents)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.errandId().value(), event.communityId().value(), event.asker().value(), event.helper().value(),
                event.businessDate(), ErrandStatus.STARTED.name(), event.purpose().name(),
                event.entrusted().currency().getCurrencyCode(), event.entrusted().cents(), event.entrusted().cents());
    }

    /** The helper now holds only the change due; with nothing to hand back the errand is done. */
    @EventHandler
    void on(ErrandSpendingReported event) {
        boolean done = event.changeDue().isZero();
        int rows = jdbc.update("""
                UPDATE errand_activity
                   SET status = ?, spent_cents = ?, receipt = ?, reported_on = ?, change_due_cents = ?, held_cents = ?,
                       finished_on = ?
                 WHERE errand_id = ? AND status = 'STARTED' AND entrusted_cents - ? = ?""",
                (done ? ErrandStatus.DONE : ErrandStatus.CHANGE_DUE).name(), event.spent().cents(),
                event.receipt() == null ? null : event.receipt().value(), event.businessDate(), event.changeDue().cents(),
                event.changeDue().cents(), done ? event.businessDate() : null,
                event.errandId().value(), event.settledFromEntrusted().cents(), event.changeDue().cents());
        requireOneRow(rows, "errand " + event.errandId() + " not started, or its cash does not add up");
    }

    @EventHandler
    void on(ErrandOverspent event) {
        int rows = jdbc.update("UPDATE errand_activity SET overspend_advance_id = ?, overspent_cents = ? WHERE errand_id = ?",
                event.advanceId().value(), event.amount().cents(), event.errandId().value());
        requireOneRow(rows, "unknown errand " + event.errandId());
    }

    @EventHandler
    void on(ErrandChangeReturned event) {
        int rows = jdbc.update("""
                UPDATE errand_activity SET status = ?, change_returned_cents = ?, held_cents = 0, finished_on = ?
                 WHERE errand_id = ? AND status = 'CHANGE_DUE' AND held_cents = ?""",
                ErrandStatus.DONE.name(), event.amount().cents(), event.businessDate(), event.errandId().value(),
                event.amount().cents());
        requireOneRow(rows, "errand " + event.errandId() + " had no such change due");
    }

    @EventHandler
    void on(HelpRecorded event) {
        jdbc.update("""
                INSERT INTO help_activity (help_id, community_id, helper_id, receiver_id, minutes, status, business_date, kind,
                    recorded_by)
                VALUES (?, ?, ?, ?, ?, 'RECORDED', ?, ?, ?)""",
                event.helpId().value(), event.communityId().value(), event.helper().value(), event.receiver().value(),
                event.hours().minutes(), event.businessDate(), event.kind().name(),
                // Who typed it, only when it was recorded on the helper's behalf.
                event.actor().equals(event.helper()) ? null : event.actor().value());
        addHelpMovement(event.helpId(), "recorded", 1, event.businessDate(), "");
    }

    /** Confirming a disputed record resolves the dispute: its minutes count again from this date. */
    @EventHandler
    void on(HelpConfirmed event) {
        addHelpMovement(event.helpId(), "confirmed:" + event.commandId().value(), 1, event.businessDate(),
                " AND status = 'DISPUTED'");
        int rows = jdbc.update("UPDATE help_activity SET status = ?, confirmed_on = ? WHERE help_id = ?",
                HelpStatus.CONFIRMED.name(), event.businessDate(), event.helpId().value());
        requireOneRow(rows, "unknown help record " + event.helpId());
    }

    /** A disputed record does not count: its minutes leave from the dispute's date, as in the journal. */
    @EventHandler
    void on(HelpDisputed event) {
        addHelpMovement(event.helpId(), "disputed:" + event.commandId().value(), -1, event.businessDate(),
                " AND status <> 'DISPUTED'");
        int rows = jdbc.update("UPDATE help_activity SET status = ?, disputed_on = ? WHERE help_id = ?",
                HelpStatus.DISPUTED.name(), event.businessDate(), event.helpId().value());
        requireOneRow(rows, "unknown help record " + event.helpId());
    }

    // onlyWhen is one of the constant conditions above, never input.
    private void addHelpMovement(HelpId help, String movementId, int sign, LocalDate on, String onlyWhen) {
        jdbc.update("""
                INSERT INTO help_movement (help_id, movement_id, community_id, helper_id, receiver_id, delta_minutes, business_date)
                SELECT help_id, ?, community_id, helper_id, receiver_id, ? * minutes, ? FROM help_activity
                 WHERE help_id = ?""" + onlyWhen, movementId, sign, on, help.value());
    }

    /** One errand as it stands, if it exists in that community. */
    public Optional<ErrandView> errand(CommunityId community, ErrandId errand) {
        return jdbc.query("SELECT * FROM errand_activity WHERE community_id = ? AND errand_id = ?",
                (rs, i) -> errandRow(rs), community.value(), errand.value()).stream().findFirst();
    }

    /** One record of help as it stands, if it exists in that community. */
    public Optional<HelpView> help(CommunityId community, HelpId help) {
        return jdbc.query("SELECT * FROM help_activity WHERE community_id = ? AND help_id = ?",
                (rs, i) -> helpRow(rs), community.value(), help.value()).stream().findFirst();
    }

    /** Most records of help one list shows, newest first. */
    public static final int MAX_LISTED = 200;

    /** A neighbour's records of help, given and received, newest first (at most {@link #MAX_LISTED}). */
    public List<HelpView> helpOf(CommunityId community, MemberId member) {
        // Two index lookups, as for balances: helper and receiver always differ.
        return jdbc.query("""
                SELECT * FROM (SELECT * FROM help_activity WHERE community_id = ? AND helper_id = ?
                               UNION ALL
                               SELECT * FROM help_activity WHERE community_id = ? AND receiver_id = ?) AS h
                 ORDER BY business_date DESC, help_id LIMIT ?""",
                (rs, i) -> helpRow(rs), community.value(), member.value(), community.value(), member.value(), MAX_LISTED);
    }

    /** Help recorded for a neighbour that they have neither confirmed nor disputed yet, oldest first. */
    public List<HelpView> helpToConfirm(CommunityId community, MemberId receiver) {
        return jdbc.query("""
                SELECT * FROM help_activity WHERE community_id = ? AND receiver_id = ? AND status = ?
                 ORDER BY business_date, help_id LIMIT ?""",
                (rs, i) -> helpRow(rs), community.value(), receiver.value(), HelpStatus.RECORDED.name(), MAX_LISTED);
    }

    /** A neighbour's errands, as asker or helper, newest first (at most {@link #MAX_LISTED}). */
    public List<ErrandView> errandsOf(CommunityId community, MemberId member) {
        return jdbc.query("""
                SELECT * FROM (SELECT * FROM errand_activity WHERE community_id = ? AND asker_id = ?
                               UNION ALL
                               SELECT * FROM errand_activity WHERE community_id = ? AND helper_id = ?) AS e
                 ORDER BY started_on DESC, errand_id LIMIT ?""",
                (rs, i) -> errandRow(rs), community.value(), member.value(), community.value(), member.value(), MAX_LISTED);
    }

    private static HelpView helpRow(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        return new HelpView(HelpId.of(rs.getString("help_id")), MemberId.of(rs.getString("helper_id")),
                MemberId.of(rs.getString("receiver_id")), rs.getLong("minutes"), kind == null ? null : HelpKind.valueOf(kind),
                HelpStatus.valueOf(rs.getString("status")), rs.getObject("business_date", LocalDate.class),
                rs.getObject("disputed_on", LocalDate.class), rs.getObject("confirmed_on", LocalDate.class),
                rs.getString("recorded_by") == null ? null : MemberId.of(rs.getString("recorded_by")));
    }

    private static ErrandView errandRow(ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        String receipt = rs.getString("receipt");
        String advance = rs.getString("overspend_advance_id");
        return new ErrandView(ErrandId.of(rs.getString("errand_id")), MemberId.of(rs.getString("asker_id")),
                MemberId.of(rs.getString("helper_id")), rs.getString("purpose") == null ? null : Purpose.valueOf(rs.getString("purpose")),
                ErrandStatus.valueOf(rs.getString("status")), rs.getObject("started_on", LocalDate.class),
                money(rs, "entrusted_cents", currency), money(rs, "held_cents", currency), money(rs, "spent_cents", currency),
                receipt == null ? null : ReceiptReference.of(receipt), rs.getObject("reported_on", LocalDate.class),
                money(rs, "change_due_cents", currency), money(rs, "change_returned_cents", currency),
                rs.getObject("finished_on", LocalDate.class), advance == null ? null : AdvanceId.of(advance),
                money(rs, "overspent_cents", currency));
    }

    /** Null when the column is (the step has not happened). */
    private static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
        long cents = rs.getLong(column);
        return rs.wasNull() ? null : Money.ofCents(cents, currency);
    }

    private static void requireOneRow(int rows, String problem) {
        if (rows != 1) {
            throw new IllegalStateException("neighbour activity out of step: " + problem);
        }
    }
}
