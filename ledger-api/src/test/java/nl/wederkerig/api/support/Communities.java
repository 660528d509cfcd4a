package nl.wederkerig.api.support;

import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.core.community.AlreadyRegistered;
import nl.wederkerig.core.community.AssignRole;
import nl.wederkerig.core.community.FoundCommunity;
import nl.wederkerig.core.community.RegisterMember;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.RoleAlreadyHeld;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.projections.community.Memberships;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Founds the test communities once per application context; a later call changes nothing. */
public final class Communities {

    /** The test community most tests share. */
    public static final CommunityId WEST = CommunityId.of("rotterdam-west");
    /**
     * The founder, and so the first coordinator, of {@link #WEST}; other communities have their own
     * ({@link #coordinatorOf}), because a member id names one person in one community.
     */
    public static final MemberId COORDINATOR = coordinatorOf(WEST);
    /** Roles reach the API through a read model: how long a test waits for one. */
    static final Duration ROLE_WAIT = Duration.ofSeconds(10);

    private Communities() {
    }

    /** The founder and first coordinator of a test community. */
    public static MemberId coordinatorOf(CommunityId community) {
        return MemberId.of("coordinator-of-" + community);
    }

    public static void founded(CommandGateway commands, CommunityId community) {
        try {
            commands.sendAndWait(new FoundCommunity(community, LocalDate.now(LedgerTime.ZONE).minusDays(30), coordinatorOf(community)));
        } catch (CommandIdReused foundedEarlierWithAnotherDate) {
            // founded by an earlier test (on another day, in a long run): that is all we need
        }
    }

    /**
     * {@link #founded}, plus a login for its coordinator (username = member id, password
     * {@link Neighbours#PASSWORD}, as for every test neighbour); returns the coordinator.
     */
    public static MemberId foundedWithCoordinatorLogin(CommandGateway commands, LoginStore accounts, CommunityId community) {
        founded(commands, community);
        MemberId coordinator = coordinatorOf(community);
        synchronized (Communities.class) {
            if (!accounts.exists(coordinator.value())) {
                accounts.register(coordinator.value(), Neighbours.PASSWORD, community, coordinator);
            }
        }
        return coordinator;
    }

    /**
     * A new neighbour the community (founded here if need be) registered, without a login: what a
     * record may name. The domain asks the Community aggregate itself, so nothing has to catch up.
     */
    public static MemberId neighbour(CommandGateway commands, CommunityId community, String prefix) {
        MemberId member = MemberId.of(Neighbours.unique(prefix));
        registerWithoutWaiting(commands, community, member);
        return member;
    }

    static void registerWithoutWaiting(CommandGateway commands, CommunityId community, MemberId member) {
        founded(commands, community);
        commands.sendAndWait(new RegisterMember(community, CommandId.of("member-" + member), member,
                LocalDate.now().minusDays(20), coordinatorOf(community)));
    }

    /** Registers {@code member} in the community (if not yet) as its coordinator, and waits until the API sees it. */
    public static void registered(CommandGateway commands, Memberships memberships, CommunityId community, MemberId member) {
        try {
            commands.sendAndWait(new RegisterMember(community, CommandId.of("member-" + member), member,
                    LocalDate.now(LedgerTime.ZONE).minusDays(20), coordinatorOf(community)));
        } catch (AlreadyRegistered registeredEarlier) {
            // by an earlier test: that is all we need
        }
        await().atMost(ROLE_WAIT).until(() -> memberships.holds(community, member, Role.neighbour()));
    }

    /**
     * Registers {@code member} (if not yet), gives them {@code role} as the coordinator, and waits
     * until {@link nl.wederkerig.api.platform.security.Access} sees the role.
     */
    public static void assign(CommandGateway commands, Memberships memberships, CommunityId community, MemberId member,
                              Role role) {
        registered(commands, memberships, community, member);
        try {
            // One command id per member and role, so a second call is the same command (ids are at most 64 characters).
            String roleCommand = "role-" + UUID.nameUUIDFromBytes((community + "/" + member + "/" + role)
                    .getBytes(StandardCharsets.UTF_8));
            commands.sendAndWait(new AssignRole(community, CommandId.of(roleCommand), member, role,
                    LocalDate.now(LedgerTime.ZONE).minusDays(20), coordinatorOf(community)));
        } catch (RoleAlreadyHeld heldAlready) {
            // given by an earlier test
        }
        await().atMost(ROLE_WAIT).until(() -> memberships.holds(community, member, role));
    }
}
