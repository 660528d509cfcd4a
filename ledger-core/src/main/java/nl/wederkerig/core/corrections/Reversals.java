package nl.wederkerig.core.corrections;

import nl.wederkerig.core.shared.CommandId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The money entries one aggregate may still reverse, keyed by the id of the command that made
 * them. Rebuilt from events like {@code ProcessedCommands}: {@link #remember} and
 * {@link #markReversed} are called from event sourcing handlers only.
 *
 * @param <E> the aggregate's money events
 */
public final class Reversals<E> {

    private final Map<CommandId, E> entries = new HashMap<>();
    private final Set<CommandId> reversed = new HashSet<>();

    /** @return the entry to reverse, checked to exist and not to be reversed yet */
    public E requireReversible(CommandId entryId) {
        E original = entries.get(entryId);
        if (original == null) {
            throw new NotReversible(entryId);
        }
        if (reversed.contains(entryId)) {
            throw new AlreadyReversed(entryId);
        }
        return original;
    }

    public void remember(CommandId entryId, E entry) {
        E earlier = entries.putIfAbsent(entryId, entry);
        assert earlier == null : "two money entries with id " + entryId;
    }

    public void markReversed(CommandId entryId) {
        assert entries.containsKey(entryId) : "reversed an unknown entry " + entryId;
        boolean first = reversed.add(entryId);
        assert first : "entry " + entryId + " reversed twice";
    }
}
