package nl.wederkerig.api.platform.eventstore;

import java.time.Instant;

/**
 * One checkpoint: the head hash over every event up to {@code coveredUpToIndex} (in global order),
 * chained to the checkpoint before it, and when it was made. The head is what people note down.
 */
public record Checkpoint(long number, long coveredUpToIndex, long eventCount, String previousHeadHash,
                         String headHash, Instant madeAt) {

    /** The head in groups of four hex digits, easier to read aloud, copy by hand or compare on paper. */
    public String groupedHead() {
        StringBuilder grouped = new StringBuilder(headHash.length() + headHash.length() / 4);
        for (int i = 0; i < headHash.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(headHash, i, Math.min(i + 4, headHash.length()));
        }
        return grouped.toString();
    }
}
