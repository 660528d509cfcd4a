package nl.wederkerig.api.errands;

import nl.wederkerig.api.errands.ErrandRequests.ErrandChange;
import nl.wederkerig.api.errands.ErrandRequests.ErrandSpending;
import nl.wederkerig.api.errands.ErrandRequests.ErrandStart;
import nl.wederkerig.api.errands.ErrandRequests.RecordedErrand;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.core.errands.ReportErrandSpending;
import nl.wederkerig.core.errands.ReturnErrandChange;
import nl.wederkerig.core.errands.StartErrand;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.ErrandId;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.projections.trust.ErrandView;
import nl.wederkerig.projections.trust.NeighbourActivity;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.List;

/**
 * Errands with entrusted cash. The errand checks who may take each step (either party starts it,
 * only the helper reports and hands back change); spending more than entrusted becomes an advance.
 */
@ApplicationService
public class Errands {

    private final CommandGateway commands;
    private final NeighbourActivity activity;
    private final Access access;
    private final BusinessDay day;

    Errands(CommandGateway commands, NeighbourActivity activity, Access access, BusinessDay day) {
        this.commands = commands;
        this.activity = activity;
        this.access = access;
        this.day = day;
    }

    /**
     * One errand as it stands (who holds how much of the asker's cash now), for its asker and
     * helper only; to anyone else it does not exist, exactly as an unknown id.
     */
    public ErrandView errand(Login me, CommunityId community, ErrandId errand) {
        access.requireMember(me, community);
        return activity.errand(community, errand)
                .filter(view -> view.asker().equals(me.memberId()) || view.helper().equals(me.memberId()))
                .orElseThrow(() -> new NotFound("no errand " + errand + " of yours"));
    }

    public RecordedErrand start(Login me, CommunityId community, ErrandStart request) {
        access.requireMember(me, community);
        commands.sendAndWait(new StartErrand(request.errandId(), community, request.asker(), request.helper(),
                request.entrusted(), request.purpose(), day.orToday(request.businessDate()), me.memberId()));
        // The errand id is the id of the command that started it.
        return new RecordedErrand(request.errandId(), CommandId.of(request.errandId().value()));
    }

    public RecordedErrand reportSpending(Login me, CommunityId community, ErrandId errand, ErrandSpending request) {
        access.requireMember(me, community);
        commands.sendAndWait(new ReportErrandSpending(errand, request.commandId(), request.spent(), request.receipt(),
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedErrand(errand, request.commandId());
    }

    public RecordedErrand returnChange(Login me, CommunityId community, ErrandId errand, ErrandChange request) {
        access.requireMember(me, community);
        commands.sendAndWait(new ReturnErrandChange(errand, request.commandId(), request.amount(),
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedErrand(errand, request.commandId());
    }

    /** The signed-in neighbour's errands, as asker or helper, newest first, with who holds how much cash now. */
    public List<ErrandView> mine(Login me) {
        access.requireMember(me, me.communityId());
        return activity.errandsOf(me.communityId(), me.memberId());
    }
}
