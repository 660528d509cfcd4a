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
    private final Access access;
    private final BusinessDay day;

    private final NeighbourActivity activity;

    Errands(CommandGateway commands, Access access, BusinessDay day, NeighbourActivity activity) {
        this.commands = commands;
        this.access = access;
        this.day = day;
        this.activity = activity;
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
