package nl.wederkerig.api.help;

import nl.wederkerig.api.help.HelpRequests.HelpConfirmation;
import nl.wederkerig.api.help.HelpRequests.HelpDispute;
import nl.wederkerig.api.help.HelpRequests.HelpGiven;
import nl.wederkerig.api.help.HelpRequests.RecordedHelp;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.core.help.ConfirmHelp;
import nl.wederkerig.core.help.DisputeHelp;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.RecordHelp;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.projections.trust.HelpView;
import nl.wederkerig.projections.trust.NeighbourActivity;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.List;

/** Help in hours: the helper records it, the receiver confirms or disputes it (the record checks who). */
@ApplicationService
public class Help {

    private final CommandGateway commands;
    private final NeighbourActivity activity;
    private final Access access;
    private final BusinessDay day;

    Help(CommandGateway commands, NeighbourActivity activity, Access access, BusinessDay day) {
        this.commands = commands;
        this.activity = activity;
        this.access = access;
        this.day = day;
    }

    /** One record of help as it stands, for its helper and receiver and whoever recorded it on the helper's behalf; to anyone else it does not exist. */
    public HelpView help(Login me, CommunityId community, HelpId help) {
        access.requireMember(me, community);
        return activity.help(community, help)
                .filter(view -> view.helper().equals(me.memberId()) || view.receiver().equals(me.memberId())
                        || me.memberId().equals(view.recordedBy()))
                .orElseThrow(() -> new NotFound("no help " + help + " of yours"));
    }

    /** The helper is the one who asks, or the neighbour they ask for ({@code onBehalfOf}); the record checks who may. */
    public RecordedHelp record(Login me, CommunityId community, HelpGiven request) {
        access.requireMember(me, community);
        MemberId helper = request.onBehalfOf() == null ? me.memberId() : request.onBehalfOf();
        commands.sendAndWait(new RecordHelp(request.helpId(), community, helper, request.receiver(),
                request.hours(), request.kind(), null, day.orToday(request.businessDate()), me.memberId()));
        // The help id is the id of the command that recorded it.
        return new RecordedHelp(request.helpId(), CommandId.of(request.helpId().value()));
    }

    public RecordedHelp confirm(Login me, CommunityId community, HelpId help, HelpConfirmation request) {
        access.requireMember(me, community);
        commands.sendAndWait(new ConfirmHelp(help, request.commandId(), day.orToday(request.businessDate()),
                me.memberId()));
        return new RecordedHelp(help, request.commandId());
    }

    public RecordedHelp dispute(Login me, CommunityId community, HelpId help, HelpDispute request) {
        access.requireMember(me, community);
        commands.sendAndWait(new DisputeHelp(help, request.commandId(), request.reason(),
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedHelp(help, request.commandId());
    }

    /** The signed-in neighbour's own records of help, given and received, newest first. */
    public List<HelpView> mine(Login me) {
        access.requireMember(me, me.communityId());
        return activity.helpOf(me.communityId(), me.memberId());
    }

    /** Help recorded for the signed-in neighbour that waits for them to confirm or dispute it. */
    public List<HelpView> waitingForMe(Login me) {
        access.requireMember(me, me.communityId());
        return activity.helpToConfirm(me.communityId(), me.memberId());
    }
}
