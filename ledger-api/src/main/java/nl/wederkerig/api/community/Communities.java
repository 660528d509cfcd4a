package nl.wederkerig.api.community;

import nl.wederkerig.api.community.CommunityRequests.AdvanceLimitChange;
import nl.wederkerig.api.community.CommunityRequests.HourValuationChange;
import nl.wederkerig.api.community.CommunityRequests.InitiativeRegistration;
import nl.wederkerig.api.community.CommunityRequests.MemberRegistration;
import nl.wederkerig.api.community.CommunityRequests.PartnerRegistration;
import nl.wederkerig.api.community.CommunityRequests.Departure;
import nl.wederkerig.api.community.CommunityRequests.RecordedAdministration;
import nl.wederkerig.api.community.CommunityRequests.RoleChange;
import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.community.CommunityRequests.FirstFounding;
import nl.wederkerig.api.community.CommunityRequests.Founded;
import nl.wederkerig.api.community.CommunityRequests.Founding;
import nl.wederkerig.api.community.CommunityRequests.Invitation;
import nl.wederkerig.api.community.CommunityRequests.RecordedMember;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.logins.OneTimeCodes;
import nl.wederkerig.api.logins.Passwords;
import nl.wederkerig.api.platform.OpenToAnyone;
import nl.wederkerig.api.platform.web.problems.NotFound;
import nl.wederkerig.core.community.DeregisterMember;
import nl.wederkerig.core.community.CommunityName;
import nl.wederkerig.core.community.FoundCommunity;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;
import nl.wederkerig.api.platform.time.BusinessDay;
import nl.wederkerig.core.community.AdvanceLimit;
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
import nl.wederkerig.api.community.CommunityRequests.CommunityView;
import nl.wederkerig.core.community.RoleKind;
import nl.wederkerig.projections.community.MemberView;
import nl.wederkerig.projections.community.Memberships;
import nl.wederkerig.projections.funds.InitiativeFunds;
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * The coordinator's administration of a community: members, initiatives, partners, roles, the
 * limit on open advances and the valuation of a volunteer hour. {@link Access} turns anyone else
 * away (403) before anything is checked or sent; the community checks the coordinator role again.
 */
@ApplicationService
public class Communities {

    private final CommandGateway commands;
    private final LoginStore logins;
    private final OneTimeCodes codes;
    private final SetupToken setup;
    private final Access access;
    private final BusinessDay day;
    private final Memberships memberships;
    private final InitiativeFunds initiatives;
    private final PartnerReciprocity reciprocity;

    Communities(CommandGateway commands, LoginStore logins, OneTimeCodes codes, SetupToken setup, Access access,
                BusinessDay day, Memberships memberships, InitiativeFunds initiatives, PartnerReciprocity reciprocity) {
        this.commands = commands;
        this.logins = logins;
        this.codes = codes;
        this.setup = setup;
        this.access = access;
        this.day = day;
        this.memberships = memberships;
        this.initiatives = initiatives;
        this.reciprocity = reciprocity;
    }

    /** The coordinator's start page: the wijk in counts and balances, and who holds a role beyond neighbour. */
    public WijkOverview overview(Login me) {
        CommunityId community = me.communityId();
        access.requireCoordinator(me, community);
        List<MemberView> members = memberships.members(community);
        long current = members.stream().filter(MemberView::current).count();
        List<MemberView> roleHolders = members.stream().filter(MemberView::current)
                .filter(member -> member.roles().stream().anyMatch(role -> role.kind() != RoleKind.NEIGHBOUR)).toList();
        LocalDate today = day.today();
        return new WijkOverview(reciprocity.nameOf(community), current, members.size() - current, roleHolders,
                initiatives.initiativesOf(community),
                reciprocity.partnersOf(community).stream().map(partner -> reciprocity.balanceOf(community, partner, today))
                        .toList(),
                reciprocity.valuationsOf(community));
    }

    /**
     * The community as its members see it: how many belong to it now, and who coordinates it. Also
     * for the installation's administrator, who founded it; a community nobody founded (no
     * members yet in the read model) is not found.
     */
    public CommunityView community(Login me, CommunityId community) {
        access.requireMemberOrSystemAdmin(me, community);
        List<MemberView> members = memberships.members(community);
        if (members.isEmpty()) {
            throw new NotFound("no community " + community);
        }
        return new CommunityView(community, (int) members.stream().filter(MemberView::current).count(),
                members.stream().filter(MemberView::current).filter(member -> member.roles().contains(Role.coordinator()))
                        .map(MemberView::memberId).toList());
    }

    /** Every member the community ever registered, with their roles now: for its coordinators. */
    public List<MemberView> members(Login me, CommunityId community) {
        access.requireCoordinator(me, community);
        return memberships.members(community);
    }

    /**
     * One member, with their roles and dates: for the community's coordinators, and for the member
     * themselves. Anyone else gets what an unknown id gets, so this cannot test who is a member.
     */
    public MemberView member(Login me, CommunityId community, MemberId member) {
        boolean mayKnow = access.coordinates(me, community) || me.memberId().equals(member);
        return memberships.member(community, member)
                .filter(found -> mayKnow)
                .orElseThrow(() -> new NotFound("no member " + member + " for you"));
    }

    /**
     * Founds the first wijk of a fresh installation: whoever holds the one-time setup token becomes
     * its first coordinator, with the password they choose, and the installation's system
     * administrator. Checked before anything is stored: the token, the password's rules, the name.
     */
    @OpenToAnyone("proves itself with the one-time setup token from the data directory")
    public Founded foundFirst(FirstFounding request) {
        synchronized (setup) {
            if (!setup.isOpen()) {
                throw new NotFound("nothing to set up: this installation has a wijk");
            }
            if (!setup.matches(request.token())) {
                throw new AccessDeniedException("not the setup token of this installation");
            }
            Passwords.requireAcceptable(request.password());
            String username = request.coordinator().value();
            boolean reserved = logins.reserve(username, request.communityId(), request.coordinator());
            try {
                found(request.communityId(), request.name(), request.coordinator(), request.coordinator());
            } catch (RuntimeException refused) {
                if (reserved) {
                    logins.release(username);
                }
                throw refused;
            }
            logins.setPassword(username, request.password());
            logins.makeSystemAdmin(username);
            setup.consume();
            return new Founded(request.communityId(), request.coordinator(), null);
        }
    }

    /**
     * Founds a wijk from the machine itself ({@link FoundingCommandLine}), with its first
     * coordinator's password read from a file or standard input. On a fresh installation that
     * coordinator is also the system administrator, as with the setup page.
     */
    @OpenToAnyone("run on the machine by whoever may start the application on its data directory")
    public Founded foundFromCommandLine(CommunityId community, CommunityName name, MemberId coordinator, String password) {
        synchronized (setup) {
            Passwords.requireAcceptable(password);
            boolean first = !logins.anyWithPassword();
            String username = coordinator.value();
            boolean reserved = logins.reserve(username, community, coordinator);
            try {
                found(community, name, coordinator, coordinator);
            } catch (RuntimeException refused) {
                if (reserved) {
                    logins.release(username);
                }
                throw refused;
            }
            if (!logins.hasPassword(username)) {
                logins.setPassword(username, password);
            }
            if (first) {
                logins.makeSystemAdmin(username);
                setup.consume();
            }
            return new Founded(community, coordinator, null);
        }
    }

    /**
     * A further wijk on this installation, founded by a system administrator for its first
     * coordinator, who gets an invitation to choose their own password.
     */
    public Founded found(Login me, Founding request) {
        access.requireSystemAdmin(me);
        String username = request.coordinator().value();
        boolean reserved = logins.reserve(username, request.communityId(), request.coordinator());
        try {
            found(request.communityId(), request.name(), request.coordinator(), me.memberId());
        } catch (RuntimeException refused) {
            if (reserved) {
                logins.release(username);
            }
            throw refused;
        }
        return new Founded(request.communityId(), request.coordinator(),
                Invitation.of(codes.issue(username, OneTimeCodes.Purpose.INVITATION)));
    }

    private void found(CommunityId community, CommunityName name, MemberId founder, MemberId actor) {
        try {
            commands.sendAndWait(new FoundCommunity(community, name, founder, day.today(), actor));
        } catch (CommandIdReused taken) {
            throw new CommunityIdTaken(community);
        }
    }

    /**
     * Registers a neighbour and makes their login (username = member id) without a password: the
     * answer carries a one-time invitation code with which the neighbour chooses it. The name is
     * reserved before anything is recorded and released again if the community refuses; a retry of
     * the same registration gets a fresh code, and the earlier one stops working.
     */
    public RecordedMember registerMember(Login me, CommunityId community, MemberRegistration request) {
        access.requireCoordinator(me, community);
        MemberId member = request.memberId();
        String username = member.value();
        boolean reserved = logins.reserve(username, community, member);
        try {
            commands.sendAndWait(new RegisterMember(community, request.commandId(), member,
                    day.orToday(request.businessDate()), me.memberId()));
        } catch (RuntimeException refused) {
            if (reserved) {
                logins.release(username);
            }
            throw refused;
        }
        Invitation invitation = logins.hasPassword(username) ? null
                : Invitation.of(codes.issue(username, OneTimeCodes.Purpose.INVITATION));
        return new RecordedMember(community, request.commandId(), member, invitation);
    }

    /** The name people know the coordinator's wijk by, for the letters they print. */
    public String nameOfMyWijk(Login me) {
        access.requireCoordinator(me, me.communityId());
        return reciprocity.nameOf(me.communityId());
    }

    /** The coordinator's own pages: for the coordinators of the logged-in member's community. */
    public void requireAdministration(Login me) {
        access.requireCoordinator(me, me.communityId());
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

    /**
     * A coordinator records that a member left: from now on nobody names them in a new record, they
     * start none and hold no role; their login still shows and settles what is open.
     */
    public RecordedAdministration deregister(Login me, CommunityId community, MemberId member, Departure request) {
        access.requireCoordinator(me, community);
        commands.sendAndWait(new DeregisterMember(community, request.commandId(), member,
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
                request.effectiveFrom(), request.method(), day.orToday(request.businessDate()), me.memberId()));
        return new RecordedAdministration(community, request.commandId());
    }

    /** The role's own rules (a treasurer names an initiative, only a treasurer does) answer a wrong body with 400. */
    private static Role roleOf(RoleChange request) {
        return new Role(request.kind(), request.initiativeId(), request.partnerId());
    }
}
