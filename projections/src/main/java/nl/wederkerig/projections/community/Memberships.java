package nl.wederkerig.projections.community;

import nl.wederkerig.core.community.CommunityFounded;
import nl.wederkerig.core.community.MemberRegistered;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.RoleAssigned;
import nl.wederkerig.core.community.RoleKind;
import nl.wederkerig.core.community.RoleRevoked;
import nl.wederkerig.core.community.TrustHistoryShared;
import nl.wederkerig.core.community.TrustHistorySharingStopped;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.projections.readmodels.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles each member holds and the neighbours each member shares their trust history with,
 * from the community's events. The community aggregate decides; this read model lets the API ask
 * quickly, a moment behind the events.
 */
@ProcessingGroup(Memberships.PROCESSING_GROUP)
public class Memberships {

    public static final String PROCESSING_GROUP = "community";

    public static final ReadModel READ_MODEL = new ReadModel("memberships", PROCESSING_GROUP,
            List.of(new ReadModel.Table("member_role", List.of("community_id", "member_id", "role_kind", "scope_id")),
                    new ReadModel.Table("trust_sharing", List.of("community_id", "member_id", "viewer_id"))),
            Memberships::new);

    /** The scope stored for roles that have none (neighbour, coordinator). */
    private static final String NO_SCOPE = "";

    private final JdbcTemplate jdbc;

    public Memberships(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(jdbc);
    }

    @EventHandler
    void on(CommunityFounded event) {
        add(event.communityId(), event.founder(), Role.neighbour());
        add(event.communityId(), event.founder(), Role.coordinator());
    }

    @EventHandler
    void on(MemberRegistered event) {
        add(event.communityId(), event.memberId(), Role.neighbour());
    }

    @EventHandler
    void on(RoleAssigned event) {
        add(event.communityId(), event.memberId(), event.role());
    }

    @EventHandler
    void on(RoleRevoked event) {
        int rows = jdbc.update("DELETE FROM member_role WHERE community_id = ? AND member_id = ? AND role_kind = ? AND scope_id = ?",
                event.communityId().value(), event.memberId().value(), event.role().kind().name(), scopeOf(event.role()));
        if (rows != 1) {
            throw new IllegalStateException("memberships out of step: " + event.memberId() + " did not hold " + event.role());
        }
    }

    @EventHandler
    void on(TrustHistoryShared event) {
        jdbc.update("INSERT INTO trust_sharing (community_id, member_id, viewer_id) VALUES (?, ?, ?)",
                event.communityId().value(), event.actor().value(), event.viewer().value());
    }

    @EventHandler
    void on(TrustHistorySharingStopped event) {
        int rows = jdbc.update("DELETE FROM trust_sharing WHERE community_id = ? AND member_id = ? AND viewer_id = ?",
                event.communityId().value(), event.actor().value(), event.viewer().value());
        if (rows != 1) {
            throw new IllegalStateException("memberships out of step: " + event.actor() + " did not share with " + event.viewer());
        }
    }

    /** Every role {@code member} holds in {@code community}; empty for someone who is not a member. */
    public Set<Role> rolesOf(CommunityId community, MemberId member) {
        return Set.copyOf(jdbc.query("SELECT role_kind, scope_id FROM member_role WHERE community_id = ? AND member_id = ?",
                (rs, i) -> role(RoleKind.valueOf(rs.getString("role_kind")), rs.getString("scope_id")),
                community.value(), member.value()));
    }

    public boolean holds(CommunityId community, MemberId member, Role role) {
        Integer count = jdbc.queryForObject("""
                SELECT COUNT(*) FROM member_role WHERE community_id = ? AND member_id = ? AND role_kind = ? AND scope_id = ?""",
                Integer.class, community.value(), member.value(), role.kind().name(), scopeOf(role));
        return count != null && count > 0;
    }

    /** Whether {@code subject} consented to {@code viewer} seeing their trust history. */
    public boolean sharesTrustHistory(CommunityId community, MemberId subject, MemberId viewer) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM trust_sharing WHERE community_id = ? AND member_id = ? AND viewer_id = ?",
                Integer.class, community.value(), subject.value(), viewer.value());
        return count != null && count > 0;
    }

    /** The neighbours {@code subject} shares their trust history with, in name order. */
    public List<MemberId> viewersOf(CommunityId community, MemberId subject) {
        return jdbc.query("SELECT viewer_id FROM trust_sharing WHERE community_id = ? AND member_id = ? ORDER BY viewer_id",
                (rs, i) -> MemberId.of(rs.getString("viewer_id")), community.value(), subject.value());
    }

    /** The neighbours who share their trust history with {@code viewer}, in name order. */
    public List<MemberId> sharingWith(CommunityId community, MemberId viewer) {
        return jdbc.query("SELECT member_id FROM trust_sharing WHERE community_id = ? AND viewer_id = ? ORDER BY member_id",
                (rs, i) -> MemberId.of(rs.getString("member_id")), community.value(), viewer.value());
    }

    private void add(CommunityId community, MemberId member, Role role) {
        jdbc.update("INSERT INTO member_role (community_id, member_id, role_kind, scope_id) VALUES (?, ?, ?, ?)",
                community.value(), member.value(), role.kind().name(), scopeOf(role));
    }

    private static String scopeOf(Role role) {
        if (role.initiative() != null) {
            return role.initiative().value();
        }
        return role.partner() != null ? role.partner().value() : NO_SCOPE;
    }

    private static Role role(RoleKind kind, String scope) {
        return switch (kind) {
            case TREASURER -> Role.treasurerOf(InitiativeId.of(scope));
            case PARTNER_REPRESENTATIVE -> Role.representativeOf(PartnerId.of(scope));
            case NEIGHBOUR, COORDINATOR -> new Role(kind, null, null);
        };
    }
}
