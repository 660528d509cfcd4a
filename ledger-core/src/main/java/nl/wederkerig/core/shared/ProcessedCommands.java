package nl.wederkerig.core.shared;

import java.util.HashMap;
import java.util.Map;

/**
 * Makes an aggregate's commands idempotent by the id the client chose. An aggregate records each
 * handled command (rebuilt from its events) and asks, before anything else, whether a command is a
 * repeat: an equal repeat changes nothing, the same id with another payload is an error.
 *
 * <p>Commands are Java records, so "same payload" is record equality.
 */
public final class ProcessedCommands {

    private final int limit;
    private final Map<CommandId, Object> handled = new HashMap<>();

    /** @param limit the most commands one aggregate may ever handle; keeps state and streams bounded */
    public ProcessedCommands(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
    }

    /**
     * @return true if this exact command was handled before (the caller then does nothing)
     * @throws CommandIdReused if the id was used for a different command
     * @throws TooManyCommands if the aggregate reached its limit
     */
    public boolean isRepeat(CommandId id, Object command) {
        Object earlier = handled.get(id);
        if (earlier == null) {
            if (handled.size() >= limit) {
                throw new TooManyCommands(limit);
            }
            return false;
        }
        if (!earlier.equals(command)) {
            throw new CommandIdReused(id.value());
        }
        return true;
    }

    /** Called from event sourcing handlers only: records that the command behind an event was handled. */
    public void remember(CommandId id, Object command) {
        Object earlier = handled.putIfAbsent(id, command);
        assert earlier == null || earlier.equals(command) : "an event stream holds two commands with id " + id;
    }

    public int size() {
        return handled.size();
    }
}
