package nl.wederkerig.api.parking;

import java.util.List;

/**
 * What is parked for one community: each parked sequence, and the total number of parked events.
 * {@code moreSequences}: there are more than the listed ones ({@link ParkedEvents#MAX_LISTED} per read model).
 */
public record ParkedEventsReport(long parkedEvents, List<ParkedSequence> sequences, boolean moreSequences) {

    public boolean empty() {
        return parkedEvents == 0;
    }
}
