package nl.wederkerig.api.parking;

import java.util.List;

/**
 * What is parked for one community: each parked sequence, and the number of events parked in them.
 * {@code moreSequences}: there are more than the listed ones ({@link ParkedEvents#MAX_LISTED} per
 * read model), whose events {@code parkedEvents} does not count; health counts every one.
 */
public record ParkedEventsReport(long parkedEvents, List<ParkedSequence> sequences, boolean moreSequences) {

    public boolean empty() {
        return parkedEvents == 0;
    }
}
