package nl.wederkerig.core.errands;

import nl.wederkerig.core.advances.OpenErrandAdvance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;

import java.util.Objects;

/**
 * Opens the advance an errand's overspend became, so it can be acknowledged, reimbursed or
 * forgiven like any other. Registered by the application as an event handler; retries are safe
 * because the advance id comes from the event and {@code OpenErrandAdvance} is idempotent.
 */
public final class ErrandOverspendPolicy {

    private final CommandGateway commands;

    public ErrandOverspendPolicy(CommandGateway commands) {
        this.commands = Objects.requireNonNull(commands);
    }

    @EventHandler
    public void on(ErrandOverspent event) {
        commands.sendAndWait(commandFor(event));
    }

    /** The command that opens the advance; pure, so it is tested without a bus. */
    public static OpenErrandAdvance commandFor(ErrandOverspent event) {
        return new OpenErrandAdvance(event.advanceId(), event.communityId(), event.errandId(), event.lender(),
                event.borrower(), event.amount(), event.businessDate(), event.actor());
    }
}
