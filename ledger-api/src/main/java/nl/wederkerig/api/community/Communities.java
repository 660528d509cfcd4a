package nl.wederkerig.api.community;

import nl.wederkerig.api.community.CommunityRequests.AdvanceLimitChange;
import nl.wederkerig.api.community.CommunityRequests.HourValuationChange;
import nl.wederkerig.api.community.CommunityRequests.InitiativeRegistration;
import nl.wederkerig.api.community.CommunityRequests.MemberRegistration;
import nl.wederkerig.api.community.CommunityRequests.PartnerRegistration;
import nl.wederkerig.api.community.CommunityRequests.RecordedAdministration;
import nl.wederkerig.api.community.CommunityRequests.RoleChange;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.core.advances.AdvanceLimit;
import nl.wederkerig.core.community.AssignRole;
import nl.wederkerig.core.community.RegisterInitiative;
import nl.wederkerig.core.community.RegisterMember;
import nl.wederkerig.core.community.RegisterPartner;
import nl.wederkerig.core.community.RevokeRole;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.SetAdvanceLimit;
import nl.wederkerig.core.community.SetHourValuation;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;

/**
 * The coordinator's administration of a community: members, initiatives, partners, roles, the
 * limit on open advances and the valuation of a volunteer hour. {@link Access} turns anyone else
 * away (403) before anything is checked or sent; the community checks the coordinator role again.
 */
@ApplicationService
public class Communities {

    private final CommandGateway commands;
    private final LoginStore logins;
    private final Access access;
    private final BusinessDay day;

    Communities(CommandGateway commands, LoginStore logins, Access access, BusinessDay day) {
        this.commands = commands;
        this.logins = logins;
        this.access = access;
        this.day = day;
    }

    /**
     * Registers a neighbour and creates their login (username = member id). The username is checked
     * before anything is recorded and the account created only after the member was registered; a
     * retry with the same body finds its own account and changes nothing.
     */
    public RecordedAdministration registerMember(Login me, CommunityId community, MemberRegistration request) {
        access.requireCoordinator(me, community);
        MemberId member = request.memberId();
        String username = member.value();
        LoginStore.requireValid(username, request.firstPassword());
        boolean retry = logins.isAccount(username, request.firstPassword(), community, member);
        if (!retry && logins.exists(username)) {
            throw new UsernameTaken(username);
        }
        commands.sendAndWait(new RegisterMember(community, request.commandId(), member,
                day.orToday(request.businessDate()), me.memberId()));
        if (!retry) {
            try {
                logins.register(username, request.firstPassword(), community, member);
            } catch (DuplicateKeyException takenMeanwhile) {
                // Another request took the name between the check and now; the member stays registered without a login.
                throw new UsernameTaken(username);
            }
        }
        return new RecordedAdministration(community, request.commandId());
    }

    public RecordedAdministration registerInitiative(Login me, CommunityId community, InitiativeRegistration request) {
        access.requireCoordinator(me, community);
        commands.sendAndWait(new RegisterInitiative(community, request.commandId(), request.initiativeId(),
                request.kind(), day.orToday(request.businessDate()), me.memberId()));
        return new RecordedAdministration(community, request.commandId());
    }

    public RecordedAdministration registerPartner(Login me, CommunityId community, PartnerRegistration request) {
        access.requireCoordinator(me, community);
        commands.sendAndWait(new RegisterPartner(community, request.commandId(), request.partnerId(), request.kind(),
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedAdministration(community, request.commandId());
    }

    public RecordedAdministration assignRole(Login me, CommunityId community, MemberId member, RoleChange request) {
        access.requireCoordinator(me, community);
        commands.sendAndWait(new AssignRole(community, request.commandId(), member, roleOf(request),
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedAdministration(community, request.commandId());
    }

    public RecordedAdministration revokeRole(Login me, CommunityId community, MemberId member, RoleChange request) {
        access.requireCoordinator(me, community);
        commands.sendAndWait(new RevokeRole(community, request.commandId(), member, roleOf(request),
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedAdministration(community, request.commandId());
    }

    public RecordedAdministration setAdvanceLimit(Login me, CommunityId community, AdvanceLimitChange request) {
        access.requireCoordinator(me, community);
        commands.sendAndWait(new SetAdvanceLimit(community, request.commandId(),
                new AdvanceLimit(request.maxOpenAdvances(), request.maxOpenTotal()),
                day.orToday(request.businessDate()), me.memberId()));
        return new RecordedAdministration(community, request.commandId());
    }

    public RecordedAdministration setHourValuation(Login me, CommunityId community, HourValuationChange request) {
        access.requireCoordinator(me, community);
        commands.sendAndWait(new SetHourValuation(community, request.commandId(), request.perHour(),
                request.effectiveFrom(), day.orToday(request.businessDate()), me.memberId()));
        return new RecordedAdministration(community, request.commandId());
    }

    /** The role's own rules (a treasurer names an initiative, only a treasurer does) answer a wrong body with 400. */
    private static Role roleOf(RoleChange request) {
        return new Role(request.kind(), request.initiativeId(), request.partnerId());
    }
}
