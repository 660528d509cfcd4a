package nl.wederkerig.core.funds;

import nl.wederkerig.core.community.InitiativeRegistered;
import nl.wederkerig.core.community.MemberDeregistered;
import nl.wederkerig.core.community.RoleAssigned;
import nl.wederkerig.core.community.RoleKind;
import nl.wederkerig.core.community.RoleRevoked;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps each fund in step with the community: opens a fund when an initiative is registered, and
 * appoints or releases a fund's treasurers when the coordinator assigns or revokes the TREASURER
 * role of that initiative, or the member holding it leaves the community. The community is the
 * authority on roles; the fund holds a copy it can
 * check in its own consistency boundary. The copy follows shortly after (an event handler), and
 * every command is idempotent by the role event's command id, so redelivery is harmless.
 */
public final class FundPolicy {

    private final CommandGateway commands;

    public FundPolicy(CommandGateway commands) {
        this.commands = Objects.requireNonNull(commands);
    }

    @EventHandler
    public void on(InitiativeRegistered event) {
        commands.sendAndWait(commandFor(event));
    }

    @EventHandler
    public void on(RoleAssigned event) {
        commandFor(event).ifPresent(commands::sendAndWait);
    }

    @EventHandler
    public void on(RoleRevoked event) {
        commandFor(event).ifPresent(commands::sendAndWait);
    }

    @EventHandler
    public void on(MemberDeregistered event) {
        commandsFor(event).forEach(commands::sendAndWait);
    }

    public static OpenFund commandFor(InitiativeRegistered event) {
        return new OpenFund(event.initiativeId(), event.communityId(), event.businessDate(), event.actor());
    }

    public static Optional<AppointTreasurer> commandFor(RoleAssigned event) {
        if (event.role().kind() != RoleKind.TREASURER) {
            return Optional.empty();
        }
        return Optional.of(new AppointTreasurer(event.role().initiative(), event.commandId(), event.memberId(),
                event.businessDate(), event.actor()));
    }

    public static Optional<ReleaseTreasurer> commandFor(RoleRevoked event) {
        if (event.role().kind() != RoleKind.TREASURER) {
            return Optional.empty();
        }
        return Optional.of(new ReleaseTreasurer(event.role().initiative(), event.commandId(), event.memberId(),
                event.businessDate(), event.actor()));
    }

    /** A member who leaves stops being a treasurer of every fund they were one of. */
    public static List<ReleaseTreasurer> commandsFor(MemberDeregistered event) {
        return event.rolesEnded().stream()
                .filter(role -> role.kind() == RoleKind.TREASURER)
                .map(role -> new ReleaseTreasurer(role.initiative(), event.commandId(), event.memberId(),
                        event.businessDate(), event.actor()))
                .toList();
    }
}
