package nl.wederkerig.projections.trust;

import nl.wederkerig.core.errands.ErrandStarted;
import nl.wederkerig.core.help.HelpConfirmed;
import nl.wederkerig.core.help.HelpDisputed;
import nl.wederkerig.core.help.HelpRecorded;
import nl.wederkerig.projections.readmodels.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Errands run and help given between neighbours: the non-money half of a trust history. */
@ProcessingGroup(NeighbourActivity.PROCESSING_GROUP)
public class NeighbourActivity {

    public static final String PROCESSING_GROUP = "trust";

    public static final ReadModel READ_MODEL = new ReadModel("neighbour activity", PROCESSING_GROUP,
            List.of(new ReadModel.Table("errand_activity", List.of("errand_id")),
                    new ReadModel.Table("help_activity", List.of("help_id"))),
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
        jdbc.update("INSERT INTO errand_activity (errand_id, community_id, asker_id, helper_id, started_on) VALUES (?, ?, ?, ?, ?)",
                event.errandId().value(), event.communityId().value(), event.asker().value(), event.helper().value(),
                event.businessDate());
    }

    @EventHandler
    void on(HelpRecorded event) {
        jdbc.update("""
                INSERT INTO help_activity (help_id, community_id, helper_id, receiver_id, minutes, status, business_date)
                VALUES (?, ?, ?, ?, ?, 'RECORDED', ?)""",
                event.helpId().value(), event.communityId().value(), event.helper().value(), event.receiver().value(),
                event.hours().minutes(), event.businessDate());
    }

    @EventHandler
    void on(HelpConfirmed event) {
        setHelpStatus(event.helpId().value(), "CONFIRMED");
    }

    @EventHandler
    void on(HelpDisputed event) {
        setHelpStatus(event.helpId().value(), "DISPUTED");
    }

    private void setHelpStatus(String helpId, String status) {
        int rows = jdbc.update("UPDATE help_activity SET status = ? WHERE help_id = ?", status, helpId);
        if (rows != 1) {
            throw new IllegalStateException("neighbour activity out of step: unknown help record " + helpId);
        }
    }
}
