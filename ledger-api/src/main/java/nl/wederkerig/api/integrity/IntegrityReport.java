package nl.wederkerig.api.integrity;

import nl.wederkerig.api.platform.eventstore.BrokenCheckpoint;
import nl.wederkerig.api.platform.eventstore.BrokenEvent;
import nl.wederkerig.api.platform.eventstore.Checkpoint;
import nl.wederkerig.api.platform.eventstore.Verification;

import java.time.Instant;
import java.util.List;

/**
 * The verifier's answer over HTTP. A broken event is named by its global index, its place in its
 * stream and its type, not by its aggregate id: one installation may keep several communities, and
 * a coordinator sees no other community's ids (the command line, for whoever runs the machine, names them).
 */
public record IntegrityReport(boolean intact, Instant verifiedAt, long eventsChecked, long streamsChecked,
                              int checkpointsChecked, LatestCheckpoint latestCheckpoint, List<Event> brokenEvents,
                              boolean moreBrokenEvents, List<CheckpointProblem> brokenCheckpoints,
                              List<String> notedNotFound) {

    /** The head to note down, as 64 hex digits and in groups of four for reading aloud or on paper. */
    public record LatestCheckpoint(long number, Instant madeAt, long eventCount, long coveredUpToIndex, String headHash,
                                   String headHashGrouped) {
        static LatestCheckpoint of(Checkpoint checkpoint) {
            return new LatestCheckpoint(checkpoint.number(), checkpoint.madeAt(), checkpoint.eventCount(),
                    checkpoint.coveredUpToIndex(), checkpoint.headHash(), checkpoint.groupedHead());
        }
    }

    public record Event(long globalIndex, long sequenceNumber, String eventType, String problem) {
        static Event of(BrokenEvent broken) {
            return new Event(broken.globalIndex(), broken.sequenceNumber(), broken.payloadType(), broken.problem().code());
        }
    }

    public record CheckpointProblem(long number, Instant madeAt, String problem) {
        static CheckpointProblem of(BrokenCheckpoint broken) {
            return new CheckpointProblem(broken.number(), broken.madeAt(), broken.problem().code());
        }
    }

    static IntegrityReport of(Verification verification) {
        return new IntegrityReport(verification.intact(), verification.verifiedAt(), verification.eventsChecked(),
                verification.streamsChecked(), verification.checkpointsChecked(),
                verification.latestCheckpoint().map(LatestCheckpoint::of).orElse(null),
                verification.brokenEvents().stream().map(Event::of).toList(), verification.truncated(),
                verification.brokenCheckpoints().stream().map(CheckpointProblem::of).toList(),
                verification.notedNotFound());
    }
}
