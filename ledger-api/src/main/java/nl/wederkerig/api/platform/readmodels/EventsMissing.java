package nl.wederkerig.api.platform.readmodels;

/**
 * The event store lacks an event of an aggregate's stream: sequence numbers are whole (Axon appends
 * each stream's events one after the other, and a rolled-back append leaves none behind), so a
 * missing one was removed. A ledger's read models are not rebuilt from such a store: that would
 * serve figures without the event as if they were the book, and wipe out the read models that still
 * show it. What is broken is for a person to see, with {@code --wederkerig.verify}.
 */
public class EventsMissing extends IllegalStateException {

    public EventsMissing(String aggregate, long expectedSequence, long foundSequence, long globalIndex) {
        super("the event store misses " + missing(expectedSequence, foundSequence) + " of stream " + aggregate
                + " (found number " + foundSequence + " at global index " + globalIndex
                + "): an event was removed. Nothing was changed; the read models serve as before."
                + " Run --wederkerig.verify to see what is broken, and restore the book from a backup");
    }

    private static String missing(long expected, long found) {
        return found - expected == 1 ? "event number " + expected : "events number " + expected + " to " + (found - 1);
    }
}
