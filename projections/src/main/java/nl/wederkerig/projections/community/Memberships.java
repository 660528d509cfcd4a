package nl.wederkerig.projections.community;

import nl.wederkerig.core.community.Community;
import nl.wederkerig.core.community.CommunityFounded;
import nl.wederkerig.core.community.HelperNamed;
import nl.wederkerig.core.community.HelperWithdrawn;
import nl.wederkerig.core.community.MemberDeregistered;
import nl.wederkerig.core.community.MemberRegistered;
import nl.wederkerig.core.community.PayoutDetailsRecorded;
import nl.wederkerig.core.community.PayoutDetailsRemoved;
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
import nl.wederkerig.core.shared.SealedText;
import nl.wederkerig.projections.readmodels.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is a member since when (and who left), the roles each member holds and the neighbours each
 * member shares their trust history with, and each member's sealed payout details (what the
 * community's events hold: ciphertext only), from the community's events. The community aggregate
 * decides; this read model lets the API ask quickly, a moment behind the events.
 */
@ProcessingGroup(Memberships.PROCESSING_GROUP)
public class Memberships {

    public static final String PROCESSING_GROUP = "community";

    public static final ReadModel READ_MODEL = new ReadModel("memberships", PROCESSING_GROUP,
            List.of(new ReadModel.Table("member", List.of("community_id", "member_id")),
                    new ReadModel.Table("member_role", List.of("community_id", "member_id", "role_kind", "scope_id")),
                    new ReadModel.Table("trust_sharing", List.of("community_id", "member_id", "viewer_id")),
                    new ReadModel.Table("member_helper", List.of("community_id", "member_id", "helper_id")),
                    new ReadModel.Table("payout_details", List.of("community_id", "member_id"))),
            Memberships::new);

    /** Most members one query lists: a community registers at most this many. */
    public static final int MAX_LISTED_MEMBERS = Community.MAX_MEMBERS;

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
        register(event.communityId(), event.founder(), event.businessDate());
        add(event.communityId(), event.founder(), Role.neighbour());
        add(event.communityId(), event.founder(), Role.coordinator());
    }

    @EventHandler
    void on(MemberRegistered event) {
        register(event.communityId(), event.memberId(), event.businessDate());
        add(event.communityId(), event.memberId(), Role.neighbour());
    }

    /** A member who left holds no role any more, and every consent given by or to them ended. */
    @EventHandler
    void on(MemberDeregistered event) {
        String community = event.communityId().value();
        String member = event.memberId().value();
        int rows = jdbc.update("UPDATE member SET deregistered_on = ? WHERE community_id = ? AND member_id = ? AND deregistered_on IS NULL",
                event.businessDate(), community, member);
        if (rows != 1) {
            throw new IllegalStateException("memberships out of step: " + event.memberId() + " was not a member");
        }
        int roles = jdbc.update("DELETE FROM member_role WHERE community_id = ? AND member_id = ?", community, member);
        if (roles != event.rolesEnded().size()) {
            throw new IllegalStateException("memberships out of step: " + event.memberId() + " held " + roles
                    + " roles, the community ended " + event.rolesEnded().size());
        }
        jdbc.update("DELETE FROM trust_sharing WHERE community_id = ? AND (member_id = ? OR viewer_id = ?)",
                community, member, member);
        // As in the Community aggregate: consent to be represented ends with membership, both ways.
        jdbc.update("DELETE FROM member_helper WHERE community_id = ? AND (member_id = ? OR helper_id = ?)",
                community, member, member);
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
    void on(HelperNamed event) {
        jdbc.update("INSERT INTO member_helper (community_id, member_id, helper_id) VALUES (?, ?, ?)",
                event.communityId().value(), event.actor().value(), event.helper().value());
    }

    @EventHandler
    void on(HelperWithdrawn event) {
        int rows = jdbc.update("DELETE FROM member_helper WHERE community_id = ? AND member_id = ? AND helper_id = ?",
                event.communityId().value(), event.actor().value(), event.helper().value());
        if (rows != 1) {
            throw new IllegalStateException("memberships out of step: " + event.actor() + " had not named " + event.helper());
        }
    }

    /** The helpers {@code member} named: who may record on their behalf (besides a coordinator). */
    public List<MemberId> helpersOf(CommunityId community, MemberId member) {
        return jdbc.query("SELECT helper_id FROM member_helper WHERE community_id = ? AND member_id = ? ORDER BY helper_id LIMIT ?",
                (rs, i) -> MemberId.of(rs.getString("helper_id")), community.value(), member.value(),
                Community.MAX_HELPERS_PER_MEMBER);
    }

    /** The members who named {@code helper}: whom the helper may record for. */
    public List<MemberId> representedBy(CommunityId community, MemberId helper) {
        return jdbc.query("SELECT member_id FROM member_helper WHERE community_id = ? AND helper_id = ? ORDER BY member_id LIMIT ?",
                (rs, i) -> MemberId.of(rs.getString("member_id")), community.value(), helper.value(), MAX_LISTED_MEMBERS);
    }

    @EventHandler
    void on(TrustHistorySharingStopped event) {
        int rows = jdbc.update("DELETE FROM trust_sharing WHERE community_id = ? AND member_id = ? AND viewer_id = ?",
                event.communityId().value(), event.actor().value(), event.viewer().value());
        if (rows != 1) {
            throw new IllegalStateException("memberships out of step: " + event.actor() + " did not share with " + event.viewer());
        }
    }

    /** Recording again replaces: one row per member, the latest details. */
    @EventHandler
    void on(PayoutDetailsRecorded event) {
        String community = event.communityId().value();
        String member = event.actor().value();
        jdbc.update("DELETE FROM payout_details WHERE community_id = ? AND member_id = ?", community, member);
        jdbc.update("""
                INSERT INTO payout_details (community_id, member_id, key_id, iban_sealed, holder_sealed, link_sealed, recorded_on)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", community, member, event.iban().keyId(), event.iban().ciphertextBase64(),
                event.accountHolder().ciphertextBase64(),
                event.paymentLink() == null ? null : event.paymentLink().ciphertextBase64(), event.businessDate());
    }

    @EventHandler
    void on(PayoutDetailsRemoved event) {
        int rows = jdbc.update("DELETE FROM payout_details WHERE community_id = ? AND member_id = ?",
                event.communityId().value(), event.actor().value());
        if (rows != 1) {
            throw new IllegalStateException("memberships out of step: " + event.actor() + " had no payout details");
        }
    }

    /** A member's payout details, still sealed: only the application layer opens them, for whom may see them. */
    public Optional<SealedPayoutDetails> payoutDetails(CommunityId community, MemberId member) {
        return jdbc.query("""
                        SELECT key_id, iban_sealed, holder_sealed, link_sealed FROM payout_details
                        WHERE community_id = ? AND member_id = ?""",
                (rs, i) -> {
                    String key = rs.getString("key_id");
                    String link = rs.getString("link_sealed");
                    return new SealedPayoutDetails(member, new SealedText(key, rs.getString("iban_sealed")),
                            new SealedText(key, rs.getString("holder_sealed")), link == null ? null : new SealedText(key, link));
                }, community.value(), member.value()).stream().findFirst();
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

    /** A member (current or former), with the roles they hold now. */
    public Optional<MemberView> member(CommunityId community, MemberId member) {
        List<MemberView> found = members(community, member.value());
        return found.stream().findFirst();
    }

    /** Every member the community ever registered, in id order, at most {@link #MAX_LISTED_MEMBERS}. */
    public List<MemberView> members(CommunityId community) {
        return members(community, null);
    }

    private List<MemberView> members(CommunityId community, String only) {
        Map<String, MemberRow> rows = new LinkedHashMap<>();
        jdbc.query("SELECT member_id, registered_on, deregistered_on FROM member WHERE community_id = ?"
                        + (only == null ? "" : " AND member_id = ?") + " ORDER BY member_id LIMIT ?",
                rs -> {
                    rows.put(rs.getString("member_id"), new MemberRow(rs.getObject("registered_on", LocalDate.class),
                            rs.getObject("deregistered_on", LocalDate.class), new ArrayList<>()));
                },
                only == null ? new Object[] {community.value(), MAX_LISTED_MEMBERS} : new Object[] {community.value(), only, 1});
        jdbc.query("SELECT member_id, role_kind, scope_id FROM member_role WHERE community_id = ?"
                        + (only == null ? "" : " AND member_id = ?"),
                rs -> {
                    MemberRow row = rows.get(rs.getString("member_id"));
                    if (row != null) {
                        row.roles().add(role(RoleKind.valueOf(rs.getString("role_kind")), rs.getString("scope_id")));
                    }
                },
                only == null ? new Object[] {community.value()} : new Object[] {community.value(), only});
        List<MemberView> members = new ArrayList<>(rows.size());
        rows.forEach((id, row) -> {
            row.roles().sort(ROLE_ORDER);
            members.add(new MemberView(MemberId.of(id), row.registeredOn(), row.deregisteredOn(), row.roles()));
        });
        return members;
    }

    private record MemberRow(LocalDate registeredOn, LocalDate deregisteredOn, List<Role> roles) {
    }

    private static final java.util.Comparator<Role> ROLE_ORDER = java.util.Comparator.comparing(Role::kind)
            .thenComparing(Memberships::scopeOf);

    private void register(CommunityId community, MemberId member, LocalDate on) {
        jdbc.update("INSERT INTO member (community_id, member_id, registered_on) VALUES (?, ?, ?)",
                community.value(), member.value(), on);
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
            case AUDITOR -> Role.auditorOf(InitiativeId.of(scope));
            case PARTNER_REPRESENTATIVE -> Role.representativeOf(PartnerId.of(scope));
            case NEIGHBOUR, COORDINATOR -> new Role(kind, null, null);
        };
    }
}
