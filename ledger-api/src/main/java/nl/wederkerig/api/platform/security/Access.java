package nl.wederkerig.api.platform.security;

import nl.wederkerig.api.logins.Login;

import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.projections.community.Memberships;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What a signed-in member may see and do, by the roles the community gave them. Roles come from
 * the community's own events (the {@link Memberships} read model), never from the account: a
 * coordinator assigns and revokes them as events, and the API follows within moments. The domain
 * checks the same rules again where it can (coordinator only, treasurer of the fund, four eyes),
 * so a role revoked a moment ago cannot change the books.
 *
 * <p>Each check starts with membership: nobody reaches into another community.
 */
@Component
public class Access {

    private final Memberships memberships;

    public Access(Memberships memberships) {
        this.memberships = memberships;
    }

    /** The installation's administrator: founds further communities (docs/operations.md). */
    public void requireSystemAdmin(Login me) {
        if (me == null || !me.systemAdmin()) {
            throw new AccessDeniedException("only a system administrator of this installation may do this");
        }
    }

    /**
     * A member of the community, or the installation's administrator who founded it: what a
     * community's own page (counts and coordinators, nothing about a person's affairs) asks.
     */
    public void requireMemberOrSystemAdmin(Login me, CommunityId community) {
        if (me == null || !me.systemAdmin()) {
            requireMember(me, community);
        }
    }

    /** Any member of the community: the least every community resource asks. */
    public void requireMember(Login me, CommunityId community) {
        me.requireMemberOf(community);
    }

    /**
     * A coordinator of the community, or the installation's administrator (who runs the machine
     * and answers for every read model): what looking after parked events asks.
     */
    public void requireCoordinatorOrSystemAdmin(Login me, CommunityId community) {
        if (me == null || !me.systemAdmin()) {
            requireCoordinator(me, community);
        }
    }

    public void requireCoordinator(Login me, CommunityId community) {
        me.requireMemberOf(community);
        if (!isCoordinator(me, community)) {
            throw new AccessDeniedException("only a coordinator of " + community + " may do this");
        }
    }

    public void requireTreasurerOf(Login me, CommunityId community, InitiativeId initiative) {
        me.requireMemberOf(community);
        if (!memberships.holds(community, me.memberId(), Role.treasurerOf(initiative))) {
            throw new AccessDeniedException("only a treasurer of " + initiative + " may do this");
        }
    }

    /** An initiative's books: its own treasurers, and the coordinators who answer for the whole wijk. */
    public void requireTreasurerOrCoordinator(Login me, CommunityId community, InitiativeId initiative) {
        me.requireMemberOf(community);
        if (!memberships.holds(community, me.memberId(), Role.treasurerOf(initiative)) && !isCoordinator(me, community)) {
            throw new AccessDeniedException("only a treasurer of " + initiative + " or a coordinator may do this");
        }
    }

    /**
     * {@link #requireTreasurerOrCoordinator}, answering in which role the member acts: as treasurer
     * when they are one of this initiative (the fund checks that again), else as coordinator.
     */
    public boolean requireTreasurerOrCoordinatorActingAsTreasurer(Login me, CommunityId community, InitiativeId initiative) {
        requireTreasurerOrCoordinator(me, community, initiative);
        return memberships.holds(community, me.memberId(), Role.treasurerOf(initiative));
    }

    /**
     * Reading an initiative's books: its treasurers, its kascommissie (auditors, who change
     * nothing) and the coordinators.
     */
    public void requireBooksReader(Login me, CommunityId community, InitiativeId initiative) {
        me.requireMemberOf(community);
        if (!memberships.holds(community, me.memberId(), Role.treasurerOf(initiative))
                && !memberships.holds(community, me.memberId(), Role.auditorOf(initiative)) && !isCoordinator(me, community)) {
            throw new AccessDeniedException("only a treasurer or auditor of " + initiative + " or a coordinator may see this");
        }
    }

    /** Whether the member may record in the initiative's books (a treasurer of it); for pages that hide forms from readers. */
    public boolean isTreasurerOf(Login me, CommunityId community, InitiativeId initiative) {
        me.requireMemberOf(community);
        return memberships.holds(community, me.memberId(), Role.treasurerOf(initiative));
    }

    /** A partner's account: its own representatives, and the coordinators. Aggregates only, never a person. */
    public void requireRepresentativeOrCoordinator(Login me, CommunityId community, PartnerId partner) {
        me.requireMemberOf(community);
        if (!memberships.holds(community, me.memberId(), Role.representativeOf(partner)) && !isCoordinator(me, community)) {
            throw new AccessDeniedException("only a representative of " + partner + " or a coordinator may see this");
        }
    }

    /** A trust history is the neighbour's own; another neighbour sees it only with their recorded consent. */
    public void requireTrustHistoryVisible(Login me, CommunityId community, MemberId subject) {
        me.requireMemberOf(community);
        if (!me.memberId().equals(subject) && !memberships.sharesTrustHistory(community, subject, me.memberId())) {
            throw new AccessDeniedException("this trust history is not shared with you");
        }
    }

    /** A neighbour's own affairs (balance, consents): theirs alone. */
    public void requireSelf(Login me, CommunityId community, MemberId member) {
        me.requireMemberOf(community);
        if (!me.memberId().equals(member)) {
            throw new AccessDeniedException("these are not your affairs");
        }
    }

    /** A request about a neighbour's own data (confirming its erasure): the neighbour themselves, or a coordinator. */
    public void requireSelfOrCoordinator(Login me, CommunityId community, MemberId member) {
        me.requireMemberOf(community);
        if (!me.memberId().equals(member) && !isCoordinator(me, community)) {
            throw new AccessDeniedException("only the member or a coordinator may do this");
        }
    }

    /**
     * Whether {@code me} is a coordinator of this community (after membership, which it requires):
     * for look-ups that answer "not found" rather than "forbidden", so that a record of others
     * and no record look the same.
     */
    public boolean coordinates(Login me, CommunityId community) {
        me.requireMemberOf(community);
        return isCoordinator(me, community);
    }

    /** Whether the member coordinates this community; for pages that show a coordinator's forms only to them. */
    public boolean isCoordinatorOf(Login me, CommunityId community) {
        return coordinates(me, community);
    }

    /** Whether {@code me} keeps or oversees this initiative's books (a treasurer of it, or a coordinator). */
    public boolean keepsBooksOf(Login me, CommunityId community, InitiativeId initiative) {
        me.requireMemberOf(community);
        return memberships.holds(community, me.memberId(), Role.treasurerOf(initiative)) || isCoordinator(me, community);
    }

    /** Whether the member may read the initiative's books (a treasurer, its kascommissie or a coordinator): who sees a claim's receipts. */
    public boolean readsBooksOf(Login me, CommunityId community, InitiativeId initiative) {
        me.requireMemberOf(community);
        return memberships.holds(community, me.memberId(), Role.treasurerOf(initiative))
                || memberships.holds(community, me.memberId(), Role.auditorOf(initiative)) || isCoordinator(me, community);
    }

    /**
     * The initiatives the member keeps or audits the books of, as treasurer or kascommissie (never
     * through coordinating, which covers every initiative): for a link to each from their home page.
     */
    public java.util.List<InitiativeId> initiativesWithBooksRole(Login me, CommunityId community) {
        me.requireMemberOf(community);
        return memberships.rolesOf(community, me.memberId()).stream()
                .filter(role -> role.kind() == nl.wederkerig.core.community.RoleKind.TREASURER
                        || role.kind() == nl.wederkerig.core.community.RoleKind.AUDITOR)
                .map(Role::initiative).distinct().sorted(java.util.Comparator.comparing(InitiativeId::value)).toList();
    }

    private boolean isCoordinator(Login me, CommunityId community) {
        return memberships.holds(community, me.memberId(), Role.coordinator());
    }
}
