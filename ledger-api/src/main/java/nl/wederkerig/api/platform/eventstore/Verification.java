package nl.wederkerig.api.platform.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one run of the verifier found. Intact means: every stream chains from its first event to
 * its last, every stored checkpoint is still given by the events it covers and is chained to the
 * one before it, and every head hash someone noted down is among them.
 *
 * @param notedNotFound noted head hashes (as given) that no stored checkpoint has any more
 * @param truncated     more broken events were found than {@link EventChain#MAX_REPORTED} listed
 */
public record Verification(Instant verifiedAt, long eventsChecked, long streamsChecked, int checkpointsChecked,
                           Optional<Checkpoint> latestCheckpoint, List<BrokenEvent> brokenEvents,
                           List<BrokenCheckpoint> brokenCheckpoints, List<String> notedNotFound, boolean truncated) {

    public boolean intact() {
        return brokenEvents.isEmpty() && brokenCheckpoints.isEmpty() && notedNotFound.isEmpty();
    }

    /** The plain report of the command line: one line per finding, then the verdict. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        brokenEvents.forEach(broken -> lines.add("BROKEN " + broken.line()));
        if (truncated) {
            lines.add("… and more broken events than the " + EventChain.MAX_REPORTED + " listed");
        }
        brokenCheckpoints.forEach(broken -> lines.add("BROKEN " + broken.line()));
        notedNotFound.forEach(noted -> lines.add("BROKEN noted head " + noted
                + ": no checkpoint in the store has it; the book was rewritten after it was noted (or it was noted wrongly)"));
        lines.add("checked " + eventsChecked + " events in " + streamsChecked + " streams and "
                + checkpointsChecked + " checkpoints");
        latestCheckpoint.ifPresent(latest -> lines.add("latest checkpoint " + latest.number() + " (made "
                + latest.madeAt() + ", " + latest.eventCount() + " events): " + latest.groupedHead()));
        lines.add(intact() ? "INTACT" : "NOT INTACT");
        return lines;
    }
}
