package nl.wederkerig.api.platform.eventstore;

import java.time.Instant;

/** A stored checkpoint that the events no longer give, or that is not chained to the one before it. */
public record BrokenCheckpoint(long number, Instant madeAt, Problem problem) {

    public enum Problem {
        /** The events it covers, as stored now, give another head: some were changed, removed or added. */
        EVENTS_DIFFER("events-differ", "the events it covers no longer give its head hash"),
        /** Its link to the checkpoint before it does not match: the checkpoints themselves were changed. */
        CHAIN_BROKEN("chain-broken", "it is not chained to the checkpoint before it");

        private final String code;
        private final String explanation;

        Problem(String code, String explanation) {
            this.code = code;
            this.explanation = explanation;
        }

        public String code() {
            return code;
        }

        public String explanation() {
            return explanation;
        }
    }

    public String line() {
        return "checkpoint " + number + " (made " + madeAt + "): " + problem.explanation();
    }
}
